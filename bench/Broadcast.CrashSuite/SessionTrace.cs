namespace Broadcast.CrashSuite;

/// <summary>What the driver did for one session and what the host answered; read by the checks and the summary.</summary>
internal sealed class SessionTrace(SessionPlan plan)
{
    public SessionPlan Plan { get; } = plan;

    /// <summary>The create was answered (HTTP) or the message was written (queue).</summary>
    public bool Requested { get; set; }

    /// <summary>An HTTP create answered 200: an earlier attempt, cut off by a crash, had created it.</summary>
    public bool CreateRepeated { get; set; }

    /// <summary>The host showed the session.</summary>
    public bool Existed { get; set; }

    /// <summary>What became of the join signal ("delivered", "already finished", "queued", …); null when not sent.</summary>
    public string? Join { get; set; }

    /// <summary>When the host took the join signal (HTTP answered) or the queue took the message.</summary>
    public DateTimeOffset? JoinSentAt { get; set; }

    /// <summary>What became of the cancel; null when not sent.</summary>
    public string? Cancel { get; set; }

    /// <summary>Why the driver could not do its part, when it could not.</summary>
    public string? Error { get; set; }
}
