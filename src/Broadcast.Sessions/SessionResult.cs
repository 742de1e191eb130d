using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>The output of a finished session.</summary>
public sealed record SessionResult
{
    /// <summary>How it ended.</summary>
    public required SessionOutcome Outcome { get; init; }

    /// <summary>What ended it once live; null when it never went live.</summary>
    public SessionEndReason? EndReason { get; init; }

    /// <summary>The live URLs per coding and bitrate; empty when unknown (never started, or the vendor said "already running").</summary>
    public IReadOnlyList<PlayUrl> LiveUrls { get; init; } = [];

    /// <summary>The push's channel id, when the vendor returned one.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The tape recording's task id (tape mode), when the vendor returned one.</summary>
    public uint? TapeTaskId { get; init; }

    /// <summary>The recorded file ids returned by stop recording (separate mode).</summary>
    public IReadOnlyList<string> FileIds { get; init; } = [];

    /// <summary>True when the recording failed and the session broadcast without it (recording not required).</summary>
    public bool RecordingDegraded { get; init; }

    /// <summary>The failure that decided the outcome, or for a degraded recording its failure; null when all went well.</summary>
    public SessionError? Error { get; init; }

    /// <summary>When the push started, when it did.</summary>
    public DateTimeOffset? LiveAt { get; init; }

    /// <summary>When the session ended.</summary>
    public DateTimeOffset EndedAt { get; init; }

    /// <summary>Everything that happened, in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
}
