using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Broadcast.Durable.Tests;

/// <summary>Steps run at once with an activity's result or a client's event, committed with it (DurableEngineOptions.InlineSteps).</summary>
public sealed class InlineStepTests : IDisposable
{
    private static readonly AsyncLocal<string?> CallerValue = new();

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EachActivitysResult_StepsItsIdleInstance_InTheSameWrite()
    {
        await using var engine = await StartAsync(b => b
            .AddActivity<int, int>("Double", (_, x, _) => Task.FromResult(x * 2))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    x = await ctx.CallActivityAsync<int>("Double", x);
                }

                return x;
            }));
        using var writes = WriteCollector(engine);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 1);

        Assert.Equal(8, (await engine.WaitAsync(id)).ReadOutputAs<int>());

        // The last step is counted just after its commit, which is what completes the wait.
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsInline >= 4), "the last step counted");
        Assert.Equal(4, engine.Engine.Statistics.StepsInline); // the start, and each of the three results
        Assert.DoesNotContain(writes.GetMeasurementSnapshot(), m => Equals(m.Tags["command"], "activity_result"));
        Assert.Equal(0, Database.CountActivities(engine.DatabasePath, id));
        Assert.Equal(0, Database.CountMessages(engine.DatabasePath, id));
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Equal(3, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
    }

    [Fact]
    public async Task AnEventToAnIdleInstance_IsInItsHistory_WhenRaiseEventReturns()
    {
        await using var engine = await StartAsync(AddWaiter);
        using var writes = WriteCollector(engine);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 1), "the first step");

        await engine.Client.RaiseEventAsync(id, "joined", "anchor");

        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Contains(history, e => e.Kind == HistoryEventKind.EventRaised && e.Name == "joined");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(2, engine.Engine.Statistics.StepsInline); // the start, and the event
        Assert.DoesNotContain(writes.GetMeasurementSnapshot(), m => Equals(m.Tags["command"], "message"));
        Assert.Equal(0, Database.CountMessages(engine.DatabasePath, id));
    }

    [Fact]
    public async Task AnEventToAnInstanceNotCached_IsStoredFirst_AndStillDelivered()
    {
        await using var engine = await StartAsync(
            AddWaiter,
            o => o.MaxCachedInstances = 0);
        using var writes = WriteCollector(engine);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 1), "the first step");

        await engine.Client.RaiseEventAsync(id, "joined", "anchor");

        Assert.Equal("anchor", (await engine.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(1, engine.Engine.Statistics.StepsInline); // the start alone
        Assert.Contains(writes.GetMeasurementSnapshot(), m => Equals(m.Tags["command"], "message"));
    }

    [Fact]
    public async Task AStart_RunsTheFirstStepBeforeItReturns_AndASecondStartOfTheRunningIdIsRefused()
    {
        var codeRuns = 0;
        await using var engine = await StartAsync(b => b
            .AddOrchestrator<string, string>("Waiter", (ctx, _) =>
            {
                Interlocked.Increment(ref codeRuns);
                return ctx.WaitForExternalEvent<string>("joined");
            }));
        using var writes = WriteCollector(engine);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "in", new StartOrchestrationOptions { InstanceId = "one" });

        Assert.Contains(await engine.Client.GetHistoryAsync(id), e => e.Kind == HistoryEventKind.ExecutionStarted && e.Data == "\"in\"");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(0, Database.CountMessages(engine.DatabasePath, id));
        await Assert.ThrowsAsync<InstanceAlreadyExistsException>(
            () => engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "again", new StartOrchestrationOptions { InstanceId = "one" }));
        Assert.Equal(1, engine.Engine.Statistics.StepsInline);
        Assert.Equal(1, codeRuns); // the refused start ran none of the orchestration's code
        Assert.All(writes.GetMeasurementSnapshot(), m => Assert.Equal("schedule", m.Tags["command"]));
        Assert.Equal("\"in\"", (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.SerializedInput);
    }

    [Fact]
    public async Task InlineSteps_RunTheOrchestrationOutsideTheCallersContext()
    {
        await using var engine = await StartAsync(b => b
            .AddOrchestrator<string, string>("Peek", async (ctx, _) =>
            {
                var atStart = CallerValue.Value ?? "none";
                await ctx.WaitForExternalEvent<string>("go");
                return atStart + "," + (CallerValue.Value ?? "none");
            }));

        CallerValue.Value = "a request's value";
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Peek");
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 1), "the first step");
        await engine.Client.RaiseEventAsync(id, "go");

        Assert.Equal(2, engine.Engine.Statistics.StepsInline);
        Assert.Equal("none,none", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task AStepWhoseVersionMoved_IsNotWritten_AndTheEventTakesTheOrdinaryPath()
    {
        await using var engine = await StartAsync(AddWaiter);
        using var writes = WriteCollector(engine);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        Database.BumpVersion(engine.DatabasePath, id);

        await engine.Client.RaiseEventAsync(id, "joined", "anchor");

        Assert.Equal("anchor", (await engine.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(1, engine.Engine.Statistics.StepsInline); // the start alone: the event's inline commit was refused
        Assert.Contains(writes.GetMeasurementSnapshot(), m => Equals(m.Tags["command"], "message"));
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Single(history, e => e.Kind == HistoryEventKind.EventRaised);
        Assert.Single(history, e => e.Kind == HistoryEventKind.ExecutionCompleted);
    }

    [Fact]
    public async Task ConcurrentStartsOfOneId_InlineAndOrdinary_StartItOnce()
    {
        await using var engine = await StartAsync(b => b
            .AddOrchestrator<int, int>("Waiter", async (ctx, x) => x + await ctx.WaitForExternalEvent<int>("joined")));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Even attempts take the inline path, odd ones the ordinary one (a start time already passed).
        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var options = new StartOrchestrationOptions { InstanceId = "one", StartAt = i % 2 == 0 ? null : DateTimeOffset.UnixEpoch };
            try
            {
                await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", i, options);
                return (int?)i;
            }
            catch (InstanceAlreadyExistsException)
            {
                return null;
            }
        })).ToList();
        go.SetResult();
        var winners = (await Task.WhenAll(attempts)).OfType<int>().ToList();

        var winner = Assert.Single(winners);
        await engine.Client.RaiseEventAsync("one", "joined", 100);
        Assert.Equal(winner + 100, (await engine.WaitAsync("one")).ReadOutputAs<int>());
        var history = await engine.Client.GetHistoryAsync("one");
        Assert.Single(history, e => e.Kind == HistoryEventKind.ExecutionStarted);
    }

    [Fact]
    public async Task AnActivityEndingWhileTheEngineStops_StepsItsInstance_AndTheNextStartGoesOnFromThere()
    {
        var gate = new Gate();
        var activityRuns = 0;
        void Register(IDurableEngineBuilder b) => b
            .AddActivity<string, string>("Slow", async (_, x, ct) =>
            {
                Interlocked.Increment(ref activityRuns);
                await gate.PassAsync(ct);
                return x + " done";
            })
            .AddOrchestrator<string, string>("Chain", async (ctx, x) =>
            {
                var result = await ctx.CallActivityAsync<string>("Slow", x);
                return result + ", " + await ctx.WaitForExternalEvent<string>("next");
            });

        long inlineSteps;
        string id;
        await using (var first = await StartAsync(Register))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Chain", "work");
            await Eventually.TrueAsync(() => gate.Arrived == 1, "the activity to start");
            var stopping = first.Engine.StopAsync();
            try
            {
                Assert.False(stopping.IsCompleted); // it waits for the running activity
            }
            finally
            {
                // Whatever happens, the stop ends before the engine's services are disposed.
                gate.Open();
                await stopping;
            }

            inlineSteps = first.Engine.Statistics.StepsInline;
        }

        Assert.Equal(2, inlineSteps); // the start, and the activity's result while stopping
        Assert.Equal(0, Database.CountActivities(_folder.DatabasePath, id));
        Assert.Equal(0, Database.CountMessages(_folder.DatabasePath, id));
        await using var second = await StartAsync(Register);
        await second.Client.RaiseEventAsync(id, "next", "then on");
        Assert.Equal("work done, then on", (await second.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(1, activityRuns);
    }

    /// <summary>An orchestration that waits for the "joined" event and returns it.</summary>
    private static void AddWaiter(IDurableEngineBuilder builder) =>
        builder.AddOrchestrator<string, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>("joined"));

    private Task<EngineHarness> StartAsync(Action<IDurableEngineBuilder> register, Action<DurableEngineOptions>? configure = null) =>
        EngineHarness.StartAsync(_folder.DatabasePath, register, configure: configure, addServices: s => s.AddMetrics());

    private static MetricCollector<double> WriteCollector(EngineHarness engine) =>
        new(engine.Services.GetRequiredService<IMeterFactory>(), DurableEngine.MeterName, "broadcast.durable.write.queue_time");
}
