using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// Creates the session of one schedule occurrence. Its key comes from the schedule id and the occurrence,
/// so a repeated attempt finds the session the first one created instead of making a second.
/// </summary>
public sealed class CreateScheduledSessionActivity(SessionService sessions) : IActivity<ScheduledSessionInput, ScheduledSessionOutcome>
{
    /// <inheritdoc />
    public async Task<ScheduledSessionOutcome> RunAsync(IActivityContext context, ScheduledSessionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Template with { Key = SessionIds.ForOccurrence(input.ScheduleId, input.Occurrence), StartAt = null };
        var sessionId = SessionIds.ForSession(request.RoomId, request.UserId, request.Key!);
        try
        {
            var created = await sessions.CreateAsync(request, cancellationToken);
            return new ScheduledSessionOutcome(created.SessionId, created.Created, null);
        }
        catch (Exception e) when (e is SessionValidationException or SessionConflictException)
        {
            return new ScheduledSessionOutcome(sessionId, false, e.Message);
        }
    }
}
