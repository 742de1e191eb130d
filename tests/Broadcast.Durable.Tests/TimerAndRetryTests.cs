namespace Broadcast.Durable.Tests;

public sealed class TimerAndRetryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Timer_FiresAtItsDueTime_NotBefore()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, DateTime>("Sleep", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromSeconds(30), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timer");
        engine.FakeClock.Advance(TimeSpan.FromSeconds(29));
        var history = await engine.Client.GetHistoryAsync(id);
        engine.FakeClock.Advance(TimeSpan.FromSeconds(1));
        var done = await engine.WaitAsync(id);

        Assert.DoesNotContain(history, e => e.Kind == HistoryEventKind.TimerFired);
        Assert.Equal(TestClock.Start.UtcDateTime.AddSeconds(30), done.ReadOutputAs<DateTime>());
        Assert.Equal(TestClock.Start.UtcDateTime.AddSeconds(30), (await engine.Client.GetHistoryAsync(id)).Single(e => e.Kind == HistoryEventKind.TimerCreated).FireAt);
    }

    [Fact]
    public async Task CancelledTimer_IsRemoved_AndNeverFires()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("CancelTimer", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var timer = ctx.CreateTimer(TimeSpan.FromMinutes(1), cts.Token);
                await ctx.WaitForExternalEvent<string>("stop");
                cts.Cancel();
                var status = timer.IsCanceled ? "cancelled" : "not cancelled";
                return status + ", " + await ctx.WaitForExternalEvent<string>("finish");
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("CancelTimer");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timer");
        Assert.Equal(1, Database.CountTimerMessages(engine.DatabasePath, id));
        await engine.Client.RaiseEventAsync(id, "stop");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.EventRaised), "the stop event");
        Assert.Equal(0, Database.CountTimerMessages(engine.DatabasePath, id));
        engine.FakeClock.Advance(TimeSpan.FromMinutes(2));
        await engine.Client.RaiseEventAsync(id, "finish", "finished");

        Assert.Equal("cancelled, finished", (await engine.WaitAsync(id)).ReadOutputAs<string>());
        Assert.DoesNotContain(await engine.Client.GetHistoryAsync(id), e => e.Kind == HistoryEventKind.TimerFired);
    }

    [Fact]
    public async Task Retry_WaitsOnDurableTimers_WithExponentialBackoff()
    {
        var attempts = 0;
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Flaky", (_, _, _) =>
                Interlocked.Increment(ref attempts) < 4 ? throw new CodedException("40000207", "busy") : Task.FromResult("started"))
            .AddOrchestrator<string, string>("Retries", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Flaky", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(6, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromSeconds(5))))), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Retries");
        var t0 = TestClock.Start.UtcDateTime;
        var expectedDue = new[] { t0.AddSeconds(2), t0.AddSeconds(2 + 4), t0.AddSeconds(2 + 4 + 5) };
        for (var i = 0; i < expectedDue.Length; i++)
        {
            var timers = i + 1;
            await engine.WaitForHistoryAsync(id, h => h.Count(e => e.Kind == HistoryEventKind.TimerCreated) == timers, $"retry timer {timers}");
            var due = (await engine.Client.GetHistoryAsync(id)).Last(e => e.Kind == HistoryEventKind.TimerCreated).FireAt;
            Assert.Equal(expectedDue[i], due);
            engine.FakeClock.Advance(due!.Value - engine.FakeClock.GetUtcNow().UtcDateTime);
        }

        Assert.Equal("started", (await engine.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task Retry_Predicate_StopsRetrying_ForAFailureItRefuses()
    {
        var attempts = 0;
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Fatal", (_, _, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new CodedException("1001", "no permission");
            })
            .AddOrchestrator<string, string>("NoRetry", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Fatal", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => f.ErrorCode != "1001" }))), TestClock.Create());

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("NoRetry"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("1001", done.FailureDetails?.InnerFailure?.ErrorCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Retry_StopsAtTheRetryTimeout()
    {
        var attempts = 0;
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Down", (_, _, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new CodedException("40000207", "busy");
            })
            .AddOrchestrator<string, string>("Bounded", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Down", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(100, TimeSpan.FromSeconds(10), retryTimeout: TimeSpan.FromSeconds(25))))), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Bounded");
        for (var timers = 1; timers <= 2; timers++)
        {
            var count = timers;
            await engine.WaitForHistoryAsync(id, h => h.Count(e => e.Kind == HistoryEventKind.TimerCreated) == count, $"retry timer {count}");
            engine.FakeClock.Advance(TimeSpan.FromSeconds(10));
        }

        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task RetryJitter_SpreadsTheWait_TheSameWayForTheSameInstanceAndAttempt()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("AlwaysFails", (_, _, _) => throw new CodedException("x", "down"))
            .AddOrchestrator<string, string>("Jitter", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("AlwaysFails", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(2, TimeSpan.FromSeconds(100)) { JitterFactor = 0.5 }))), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Jitter", options: new StartOrchestrationOptions("jitter-1"));
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the retry timer");
        var due = (await engine.Client.GetHistoryAsync(id)).Single(e => e.Kind == HistoryEventKind.TimerCreated).FireAt!.Value;
        var wait = due - TestClock.Start.UtcDateTime;

        Assert.InRange(wait, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(150));
        Assert.NotEqual(TimeSpan.FromSeconds(100), wait);
        Assert.Equal(RetryJitter.Apply(TimeSpan.FromSeconds(100), 0.5, "jitter-1", 2), wait);
        Assert.Equal(new RetryPolicy(2, TimeSpan.FromSeconds(100)) { JitterFactor = 0.5 }.JitteredDelay("jitter-1", 2), wait);
        Assert.Equal(RetryJitter.Apply(TimeSpan.FromSeconds(100), 0.5, "jitter-1", 2), RetryJitter.Apply(TimeSpan.FromSeconds(100), 0.5, "jitter-1", 2));
        Assert.NotEqual(RetryJitter.Unit("jitter-1", 2), RetryJitter.Unit("jitter-1", 3));
    }
}
