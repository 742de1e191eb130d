namespace Broadcast.Sessions;

/// <summary>The leak sweeper (configuration section <c>Sweeper</c>); its stops use <see cref="SessionOptions.StopRetry"/>.</summary>
public sealed class LeakSweeperOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sweeper";

    /// <summary>Whether the host runs passes on its own (a pass can still be asked for by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The time between two passes (1 s to 1 h).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An entry a start activity wrote less than this ago is left alone (0 to 1 h): a start still on its way when
    /// its session was terminated must land first, or the sweeper's stop could arrive before it.
    /// </summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Open entries read at a time, the oldest first (1 to 5000); a pass reads them all, page by page.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long closed entries are kept for <c>GET /api/ledger?all=true</c> and the session views (1 min to 365 d).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
