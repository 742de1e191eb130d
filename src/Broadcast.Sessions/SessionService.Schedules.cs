using Broadcast.Durable;

namespace Broadcast.Sessions;

public sealed partial class SessionService
{
    private static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Validates and starts a recurring schedule. Repeating the same request with the same id returns the
    /// running schedule; a different one with the same id throws <see cref="SessionConflictException"/>.
    /// </summary>
    public async Task<ScheduleView> CreateScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken) =>
        (await StartScheduleAsync(request, cancellationToken)).Schedule;

    /// <summary>As <see cref="CreateScheduleAsync"/>, and tells whether this call started it or repeated an earlier one.</summary>
    public async Task<ScheduleCreated> StartScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var errors = new ValidationErrors();
        var schedule = ScheduleRequestValidator.Validate(request, options.Value, now, errors);
        errors.ThrowIfAny();

        var scheduleId = request.Id ?? Guid.CreateVersion7(now).ToString("N");
        var input = new RecurringScheduleInput
        {
            ScheduleId = scheduleId,
            Cron = request.Cron.Trim(),
            TimeZone = request.TimeZone,
            Template = request.Template!,
            CreatedAt = now,
            Overlap = request.Overlap,
            CatchUpWindow = request.CatchUpWindow,
            HandledUntil = now,
        };
        var instanceId = SessionIds.ForSchedule(scheduleId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) is { IsRunning: true } existing)
        {
            return new ScheduleCreated(SameScheduleOrConflict(existing, input), Created: false);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(SessionOrchestrations.RecurringSchedule, input,
                new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (InstanceAlreadyExistsException)
        {
            var winner = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            return winner is null ? throw new SessionConflictException(scheduleId) : new ScheduleCreated(SameScheduleOrConflict(winner, input), Created: false);
        }

        Log.ScheduleCreated(logger, scheduleId, input.Cron, input.TimeZone);
        return new ScheduleCreated(new ScheduleView
        {
            Id = scheduleId,
            Cron = input.Cron,
            TimeZone = input.TimeZone,
            Template = input.Template,
            Status = ScheduleStatus.Active,
            Overlap = input.Overlap,
            CatchUpWindow = input.CatchUpWindow,
            CreatedAt = now,
            NextOccurrence = schedule!.NextAfter(now),
            WakeAt = schedule.NextAfter(now),
            Preview = schedule.Preview(now, ScheduleView.DefaultPreview),
        }, Created: true);
    }

    /// <summary>One schedule with a preview of its next <see cref="ScheduleView.DefaultPreview"/> occurrences, or null when there is none with this id.</summary>
    public Task<ScheduleView?> GetScheduleAsync(string scheduleId, CancellationToken cancellationToken) =>
        GetScheduleAsync(scheduleId, ScheduleView.DefaultPreview, cancellationToken);

    /// <summary>Every schedule, in id order.</summary>
    public async Task<IReadOnlyList<ScheduleView>> ListSchedulesAsync(CancellationToken cancellationToken)
    {
        var views = new List<ScheduleView>();
        var schedules = client.QueryAllAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = SessionIds.SchedulePrefix,
            PageSize = 100,
            FetchInputsAndOutputs = true,
        }, cancellationToken);
        await foreach (var instance in schedules)
        {
            if (instance.Name == SessionOrchestrations.RecurringSchedule
                && ScheduleViews.From(instance, timeProvider.GetUtcNow()) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    /// <summary>Ends a schedule and forgets it; the sessions it created go on. False when there was none.</summary>
    public async Task<bool> DeleteScheduleAsync(string scheduleId, CancellationToken cancellationToken)
    {
        if (!IsScheduleId(scheduleId))
        {
            return false;
        }

        var instanceId = SessionIds.ForSchedule(scheduleId);
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (metadata is not { Name: SessionOrchestrations.RecurringSchedule })
        {
            return false;
        }

        if (metadata.IsRunning)
        {
            // Terminating is a message the instance processes; purging waits for it to be finished.
            await client.TerminateInstanceAsync(instanceId, "Schedule deleted.", cancellationToken);
            using var timeout = new CancellationTokenSource(TerminateWait, timeProvider);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still terminating: it is ended all the same, and shows as ended until purged.
                Log.ScheduleDeleted(logger, scheduleId);
                return true;
            }
        }

        await client.PurgeInstanceAsync(instanceId, cancellationToken);
        Log.ScheduleDeleted(logger, scheduleId);
        return true;
    }

    private static bool IsScheduleId(string? scheduleId)
    {
        var errors = new ValidationErrors();
        TextRules.Identifier(scheduleId, ScheduleRequestValidator.MaxIdLength, SessionRequestValidator.KeyExtraCharacters, "id", errors);
        return !errors.HasErrors;
    }

    private ScheduleView SameScheduleOrConflict(OrchestrationMetadata existing, RecurringScheduleInput wanted)
    {
        RecurringScheduleInput? current = null;
        try
        {
            current = existing.Name == SessionOrchestrations.RecurringSchedule ? existing.ReadInputAs<RecurringScheduleInput>() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // An unreadable definition cannot be the same one.
        }

        var same = current is not null && current.Cron == wanted.Cron && current.TimeZone == wanted.TimeZone
            && current.Overlap == wanted.Overlap && current.CatchUpWindow == wanted.CatchUpWindow
            && SameRequest.SameTemplate(current.Template, wanted.Template, options.Value);
        return same
            ? ScheduleViews.From(existing, timeProvider.GetUtcNow(), ScheduleView.DefaultPreview) ?? throw new SessionConflictException(wanted.ScheduleId)
            : throw new SessionConflictException(wanted.ScheduleId);
    }
}
