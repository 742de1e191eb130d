namespace Broadcast.Ilvb.Simulator;

/// <summary>What is running right now (<c>GET /control/live</c>): the answer to "was anything left running?".</summary>
/// <param name="Pushes">The live pushes.</param>
/// <param name="Recordings">The running recordings.</param>
public sealed record LiveView(IReadOnlyList<LivePush> Pushes, IReadOnlyList<LiveRecording> Recordings);
