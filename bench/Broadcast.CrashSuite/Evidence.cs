using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>What the checks read at the end: the host's sessions, the simulator's live state and call log, and the poison queues.</summary>
internal sealed record Evidence(
    IReadOnlyList<SessionTrace> Traces,
    IReadOnlyList<SessionView> Sessions,
    LiveView Live,
    IReadOnlyList<CallRecord> Calls,
    IReadOnlyList<PoisonRecord> SessionRequestsPoison,
    IReadOnlyList<PoisonRecord> UserJoinedPoison);
