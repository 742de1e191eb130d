using System.Globalization;
using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>
/// Creates the session of one schedule occurrence. Its key comes from the schedule id and the occurrence,
/// so a repeated attempt finds the session the first one created instead of making a second. When asked, it first
/// checks that the previous occurrence's session has ended (and cancels it), answering without creating anything
/// while it still runs.
/// </summary>
public sealed class CreateScheduledSessionActivity(SessionService sessions) : IActivity<ScheduledSessionInput, ScheduledSessionOutcome>
{
    /// <inheritdoc />
    public async Task<ScheduledSessionOutcome> RunAsync(IActivityContext context, ScheduledSessionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Template with { Key = SessionIds.ForOccurrence(input.ScheduleId, input.Occurrence), StartAt = null };
        var sessionId = SessionIds.ForSession(request.RoomId, request.UserId, request.Key!);

        // A schedule deleted while this work waited or ran must not leave a session behind that no schedule owns.
        if (!await sessions.IsRunningAsync(context.InstanceId, cancellationToken))
        {
            return new ScheduledSessionOutcome(sessionId, false, $"Schedule {input.ScheduleId} has ended; its occurrence creates no session.");
        }

        if (input.PreviousSessionId is { } previous && previous != sessionId && await sessions.IsRunningAsync(previous, cancellationToken))
        {
            if (input.CancelPrevious)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"Replaced by the {input.Occurrence.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} occurrence of schedule {input.ScheduleId}.");
                await sessions.CancelAsync(previous, reason, cancellationToken);
            }

            return new ScheduledSessionOutcome(sessionId, false, null, PreviousRunning: true);
        }

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
