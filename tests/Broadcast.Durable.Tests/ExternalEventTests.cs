namespace Broadcast.Durable.Tests;

public sealed class ExternalEventTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EventRaisedBeforeTheWait_IsBuffered_AndDeliveredInOrder()
    {
        var gate = new Gate();
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Hold", async (_, x, ct) =>
            {
                await gate.PassAsync(ct);
                return x;
            })
            .AddOrchestrator<string, string[]>("Buffered", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Hold", "x");
                var first = await ctx.WaitForExternalEvent<string>("item");
                var second = await ctx.WaitForExternalEvent<string>("ITEM");
                return [first, second];
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Buffered");
        await Eventually.TrueAsync(() => gate.Arrived == 1, "the activity to start");
        await engine.Client.RaiseEventAsync(id, "item", "one");
        await engine.Client.RaiseEventAsync(id, "item", "two");
        gate.Open();

        Assert.Equal(["one", "two"], (await engine.WaitAsync(id)).ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task WaitWithTimeout_ThrowsTaskCanceled_WhenTheClockPassesTheTimeout()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Timeout", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("join", TimeSpan.FromMinutes(5));
                }
                catch (TaskCanceledException)
                {
                    return "timed out at " + ctx.CurrentUtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                }
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Timeout");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timeout timer");
        engine.FakeClock.Advance(TimeSpan.FromMinutes(4));
        var early = await engine.Client.GetInstanceAsync(id);
        engine.FakeClock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(OrchestrationRuntimeStatus.Running, early!.RuntimeStatus);
        Assert.Equal("timed out at 12:05:00", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task EventStoredBeforeTheTimeout_WinsOverTheTimer_WhenBothAreSteppedTogether()
    {
        // As after a crash: the event reached the inbox before the wait's timeout, and the engine that steps the
        // instance starts only after the timeout, so the event and the timer's message are read in one step.
        static void Register(IDurableEngineBuilder b) => b.AddOrchestrator<string, string>("JoinOrTimeout", async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>("join", TimeSpan.FromMinutes(5));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        });

        var clock = TestClock.Create();
        string id;
        await using (var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("JoinOrTimeout");
            await first.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timeout's timer");
        }

        await using var second = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock, start: false);
        clock.Advance(TimeSpan.FromMinutes(4));
        await second.Client.RaiseEventAsync(id, "join", "anchor");
        clock.Advance(TimeSpan.FromMinutes(2));
        await second.Engine.StartAsync();

        Assert.Equal("anchor", (await second.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task EventsSteppedTogether_KeepTheirArrivalOrder_WhenTheClockSteppedBackBetweenThem()
    {
        static void Register(IDurableEngineBuilder b) => b.AddOrchestrator<string, string>("TwoItems", async (ctx, _) =>
            await ctx.WaitForExternalEvent<string>("item") + "+" + await ctx.WaitForExternalEvent<string>("item"));

        string id;
        await using (var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create()))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("TwoItems");
            await first.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.ExecutionStarted), "the first step");
        }

        var ahead = TestClock.Create();
        ahead.Advance(TimeSpan.FromMinutes(10));
        await using (var fast = await EngineHarness.StartAsync(_folder.DatabasePath, Register, ahead, start: false))
        {
            await fast.Client.RaiseEventAsync(id, "item", "one");
        }

        // The clock was corrected back by ten minutes before the second event; the engine steps once both are visible
        // (a message stamped ahead of the clock waits until the clock gets there).
        var behind = TestClock.Create();
        await using var corrected = await EngineHarness.StartAsync(_folder.DatabasePath, Register, behind, start: false);
        await corrected.Client.RaiseEventAsync(id, "item", "two");
        behind.Advance(TimeSpan.FromMinutes(11));
        await corrected.Engine.StartAsync();

        Assert.Equal("one+two", (await corrected.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitWithTimeout_ReturnsTheEvent_AndRemovesTheTimer()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Joined", async (ctx, _) =>
            {
                var who = await ctx.WaitForExternalEvent<string>("join", TimeSpan.FromMinutes(5));
                return who + " then " + await ctx.WaitForExternalEvent<string>("next");
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Joined");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timeout timer");
        await engine.Client.RaiseEventAsync(id, "join", "anchor");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.EventRaised), "the event step");

        Assert.Equal(0, Database.CountTimerMessages(engine.DatabasePath, id));
        engine.FakeClock.Advance(TimeSpan.FromMinutes(10));
        await engine.Client.RaiseEventAsync(id, "next", "live");
        Assert.Equal("anchor then live", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitWithCancellationToken_IsCancelled_WhenTheTokenIsCancelled()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Cancellable", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var join = ctx.WaitForExternalEvent<string>("join", cts.Token);
                var cancel = ctx.WaitForExternalEvent<string>("cancel");
                if (await Task.WhenAny(join, cancel) == cancel)
                {
                    cts.Cancel();
                }

                try
                {
                    await join;
                    return "joined";
                }
                catch (TaskCanceledException)
                {
                    return "join wait cancelled";
                }
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Cancellable");
        await engine.Client.RaiseEventAsync(id, "cancel", "now");

        Assert.Equal("join wait cancelled", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WhenAny_RacesEventCancelAndTimer_LikeASession()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Race", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var maxDuration = ctx.CreateTimer(TimeSpan.FromHours(1), cts.Token);
                var cancel = ctx.WaitForExternalEvent<string>("cancel");
                var winner = await Task.WhenAny(maxDuration, cancel);
                cts.Cancel();
                return winner == cancel ? "cancelled: " + await cancel : "expired";
            }), TestClock.Create());

        var expires = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        var cancelled = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await engine.WaitForHistoryAsync(expires, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timer");
        await engine.WaitForHistoryAsync(cancelled, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timer");
        await engine.Client.RaiseEventAsync(cancelled, "cancel", "by user");
        Assert.Equal("cancelled: by user", (await engine.WaitAsync(cancelled)).ReadOutputAs<string>());
        engine.FakeClock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("expired", (await engine.WaitAsync(expires)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ThrowsInstanceNotFound()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Any", (_, x) => Task.FromResult(x)), TestClock.Create());

        var error = await Assert.ThrowsAsync<InstanceNotFoundException>(() => engine.Client.RaiseEventAsync("nobody", "join"));

        Assert.Equal("nobody", error.InstanceId);
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_IsDropped()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x)), TestClock.Create());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "done");
        await engine.WaitAsync(id);

        await engine.Client.RaiseEventAsync(id, "late", "ignored");

        Assert.Equal(0, Database.CountMessages(engine.DatabasePath, id));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }
}
