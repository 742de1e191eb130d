using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>
/// A next version of the session orchestration with a new first step (it checks the room before waiting for the
/// anchor). Deployed while sessions are live, it cannot replay their histories: the engine fails them as
/// non-deterministic, and no stop of theirs ever runs — the case the sweeper exists for.
/// </summary>
public sealed class CheckRoomFirstOrchestrator(SessionMetrics metrics) : IOrchestrator<BroadcastSessionInput, SessionResult>
{
    public const string CheckRoom = "CheckRoom";

    public async Task<SessionResult> RunAsync(IOrchestrationContext context, BroadcastSessionInput input)
    {
        await context.CallActivityAsync<bool>(CheckRoom, input.Request.RoomId);
        return await new BroadcastSessionOrchestrator(metrics).RunAsync(context, input);
    }

    public static void Register(IDurableEngineBuilder engine) => engine
        .AddOrchestrator<CheckRoomFirstOrchestrator>(SessionOrchestrations.BroadcastSession)
        .AddActivity<uint, bool>(CheckRoom, (_, _, _) => Task.FromResult(true));
}
