using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>What the driver does with one session, decided up front from the seed.</summary>
/// <param name="Index">The session's number in the run.</param>
/// <param name="Request">The request sent (always with an explicit key, so a retried create is idempotent).</param>
/// <param name="CreateVia">HTTP or the <c>session-requests</c> queue.</param>
/// <param name="CreateAt">When, after the run started, the session is requested.</param>
/// <param name="JoinAfter">How long after the session exists the anchor joins; null when the anchor never joins.</param>
/// <param name="JoinVia">How the join is signalled.</param>
/// <param name="CancelAfter">How long after the session exists it is cancelled; null for no cancel.</param>
internal sealed record SessionPlan(
    int Index,
    SessionRequest Request,
    Channel CreateVia,
    TimeSpan CreateAt,
    TimeSpan? JoinAfter,
    JoinSignal JoinVia,
    TimeSpan? CancelAfter)
{
    public string SessionId => SessionIds.ForSession(Request.RoomId, Request.UserId, Request.Key!);

    public uint RoomId => Request.RoomId;

    public string UserId => Request.UserId;
}
