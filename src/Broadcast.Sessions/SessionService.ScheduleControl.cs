using Broadcast.Durable;

namespace Broadcast.Sessions;

public sealed partial class SessionService
{
    /// <summary>
    /// One schedule with a preview of its next <paramref name="preview"/> occurrences (0 to
    /// <see cref="ScheduleView.MaxPreview"/>, else <see cref="SessionValidationException"/>), or null when there is none with this id.
    /// </summary>
    public async Task<ScheduleView?> GetScheduleAsync(string scheduleId, int preview, CancellationToken cancellationToken)
    {
        if (preview is < 0 or > ScheduleView.MaxPreview)
        {
            throw new SessionValidationException(new Dictionary<string, string[]>
            {
                ["preview"] = [$"must be between 0 and {ScheduleView.MaxPreview} (got {preview})."],
            });
        }

        if (!IsScheduleId(scheduleId))
        {
            return null;
        }

        var metadata = await client.GetInstanceAsync(SessionIds.ForSchedule(scheduleId), getInputsAndOutputs: true, cancellationToken);
        return metadata is { Name: SessionOrchestrations.RecurringSchedule }
            ? ScheduleViews.From(metadata, timeProvider.GetUtcNow(), preview)
            : null;
    }

    /// <summary>
    /// Pauses a schedule: no occurrence runs until it is resumed, and an occurrence waiting for its previous session is
    /// dropped. Pausing a paused schedule changes nothing.
    /// </summary>
    public Task<SignalResult> PauseScheduleAsync(string scheduleId, CancellationToken cancellationToken) =>
        ControlScheduleAsync(scheduleId, ScheduleAction.Pause, cancellationToken);

    /// <summary>
    /// Resumes a paused schedule: the occurrences that fell in the pause are skipped (and counted), the next one is
    /// computed from now. Resuming an active schedule changes nothing.
    /// </summary>
    public Task<SignalResult> ResumeScheduleAsync(string scheduleId, CancellationToken cancellationToken) =>
        ControlScheduleAsync(scheduleId, ScheduleAction.Resume, cancellationToken);

    /// <summary>True while the session's orchestration has not finished.</summary>
    internal async Task<bool> IsRunningAsync(string sessionId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(sessionId, getInputsAndOutputs: false, cancellationToken) is { IsRunning: true };

    private async Task<SignalResult> ControlScheduleAsync(string scheduleId, ScheduleAction action, CancellationToken cancellationToken)
    {
        if (!IsScheduleId(scheduleId))
        {
            return SignalResult.NotFound;
        }

        var instanceId = SessionIds.ForSchedule(scheduleId);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is not { Name: SessionOrchestrations.RecurringSchedule })
        {
            return SignalResult.NotFound;
        }

        if (metadata.IsCompleted)
        {
            return SignalResult.AlreadyFinished;
        }

        try
        {
            await client.RaiseEventAsync(instanceId, ScheduleEvents.Control, new ScheduleControl(action), cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            return SignalResult.NotFound;
        }

        Log.ScheduleControlled(logger, scheduleId, action);
        return SignalResult.Delivered;
    }
}
