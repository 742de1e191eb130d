using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>The custom status of a running session: its phase, what it knows so far, and its latest timeline entries.</summary>
internal sealed record SessionProgress(
    SessionPhase Phase,
    IReadOnlyList<PlayUrl> LiveUrls,
    bool RecordingDegraded,
    SessionError? Error,
    IReadOnlyList<TimelineEntry> Timeline,
    int TimelineCount,
    DateTimeOffset? AnchorLeftAt = null);
