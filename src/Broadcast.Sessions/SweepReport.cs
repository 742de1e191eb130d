namespace Broadcast.Sessions;

/// <summary>What one sweeper pass did.</summary>
/// <param name="Examined">Open entries read.</param>
/// <param name="Stopped">Entries closed by a confirmed stop (or "already stopped").</param>
/// <param name="Retrying">Entries whose stop failed and will be tried again.</param>
/// <param name="GivenUp">Entries whose stop failed for good in this pass.</param>
/// <param name="Skipped">Entries left alone: their session still runs, their next attempt is not due, they are in
/// their grace time, another session of the same room and anchor holds the stream, or they were given up before.</param>
/// <param name="Pruned">Closed entries deleted after their retention.</param>
/// <param name="OpenAfter">Open entries after the pass.</param>
public sealed record SweepReport(int Examined, int Stopped, int Retrying, int GivenUp, int Skipped, int Pruned, int OpenAfter);
