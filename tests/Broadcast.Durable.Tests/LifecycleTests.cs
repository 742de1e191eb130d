namespace Broadcast.Durable.Tests;

public sealed class LifecycleTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Terminate_DuringAnActivity_StopsTheCode_AndIgnoresTheLateResult()
    {
        var gate = new Gate();
        var secondCalls = 0;
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Slow", async (_, x, ct) =>
            {
                await gate.PassAsync(ct);
                return x;
            })
            .AddActivity<string, string>("Second", (_, x, _) =>
            {
                Interlocked.Increment(ref secondCalls);
                return Task.FromResult(x);
            })
            .AddOrchestrator<string, string>("Terminable", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Slow", "a");
                return await ctx.CallActivityAsync<string>("Second", "b");
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Terminable");
        await Eventually.TrueAsync(() => gate.Arrived == 1, "the slow activity to start");
        await engine.Client.TerminateInstanceAsync(id, "stopped by operator");
        var terminated = await engine.WaitAsync(id);
        gate.Open();
        await Eventually.TrueAsync(() => engine.Engine.Statistics.ActivitiesRunning == 0, "the slow activity to end");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal("stopped by operator", terminated.ReadOutputAs<string>());
        Assert.Equal(0, secondCalls);
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Equal(HistoryEventKind.ExecutionTerminated, history[^1].Kind);
        Assert.DoesNotContain(history, e => e.Kind == HistoryEventKind.TaskCompleted);
        Assert.Equal(0, Database.CountMessages(engine.DatabasePath, id));
    }

    [Fact]
    public async Task NonDeterministicCode_FailsTheInstance_NamingExpectedAndActualAction()
    {
        var v1 = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Reserve", (_, x, _) => Task.FromResult(x))
            .AddActivity<string, string>("Charge", (_, x, _) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Order", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Reserve", "r");
                return await ctx.WaitForExternalEvent<string>("paid");
            }), TestClock.Create());
        var id = await v1.Client.ScheduleNewOrchestrationInstanceAsync("Order");
        await v1.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TaskCompleted), "the first activity");
        await v1.DisposeAsync();

        await using var v2 = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Reserve", (_, x, _) => Task.FromResult(x))
            .AddActivity<string, string>("Charge", (_, x, _) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Order", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Charge", "c");
                return await ctx.WaitForExternalEvent<string>("paid");
            }), TestClock.Create());
        await v2.Client.RaiseEventAsync(id, "paid", "yes");
        var failed = await v2.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, failed.FailureDetails?.ErrorType);
        Assert.Contains("CallActivity 'Reserve'", failed.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CallActivity 'Charge'", failed.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_DeletesAFinishedInstance_ButNotARunningOne()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Waits", async (ctx, _) => await ctx.WaitForExternalEvent<string>("never")), TestClock.Create());
        var finished = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x");
        var running = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await engine.WaitAsync(finished);
        await engine.WaitForHistoryAsync(running, h => h.Count > 0, "the running instance to start");

        Assert.True(await engine.Client.PurgeInstanceAsync(finished));
        Assert.False(await engine.Client.PurgeInstanceAsync(running));
        Assert.False(await engine.Client.PurgeInstanceAsync("nobody"));
        Assert.Null(await engine.Client.GetInstanceAsync(finished));
        Assert.Empty(await engine.Client.GetHistoryAsync(finished));
        Assert.NotNull(await engine.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task ContinueAsNew_StartsAFreshHistory_AndKeepsUnprocessedEvents()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Inc", (_, x, _) => Task.FromResult(x + 1))
            .AddOrchestrator<int, string>("Eternal", async (ctx, n) =>
            {
                if (n < 3)
                {
                    ctx.ContinueAsNew(await ctx.CallActivityAsync<int>("Inc", n));
                    return "continued";
                }

                return $"generation {n}, event {await ctx.WaitForExternalEvent<string>("kept")}";
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Eternal", 0);
        await engine.Client.RaiseEventAsync(id, "kept", "early");
        var done = await engine.WaitAsync(id);

        Assert.Equal("generation 3, event early", done.ReadOutputAs<string>());
        Assert.Equal(3, done.ReadInputAs<int>());
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.DoesNotContain(history, e => e.Kind == HistoryEventKind.TaskScheduled);
        Assert.Equal(1, history.Count(e => e.Kind == HistoryEventKind.ExecutionStarted));
    }

    [Fact]
    public async Task Restart_OnTheSameFile_ResumesAWaitingInstanceAndAPendingTimer()
    {
        var clock = TestClock.Create();
        void Register(IDurableEngineBuilder b) => b
            .AddOrchestrator<string, string>("WaitsForEvent", async (ctx, _) => "got " + await ctx.WaitForExternalEvent<string>("go"))
            .AddOrchestrator<string, string>("Sleeps", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(10), CancellationToken.None);
                return "woke at " + ctx.CurrentUtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            });

        string waiting, sleeping;
        await using (var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock))
        {
            waiting = await first.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForEvent");
            sleeping = await first.Client.ScheduleNewOrchestrationInstanceAsync("Sleeps");
            await first.WaitForHistoryAsync(waiting, h => h.Count > 0, "the waiting instance to start");
            await first.WaitForHistoryAsync(sleeping, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timer");
        }

        await using var second = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock);
        await second.Client.RaiseEventAsync(waiting, "go", "it");
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("got it", (await second.WaitAsync(waiting)).ReadOutputAs<string>());
        Assert.Equal("woke at 12:10", (await second.WaitAsync(sleeping)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task SecondEngine_OnTheSameFile_IsRefused()
    {
        await using var first = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x)), TestClock.Create());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x)), TestClock.Create()));

        Assert.Contains("in use by another durable engine", error.Message, StringComparison.Ordinal);
    }
}
