namespace Broadcast.Durable.Tests;

public sealed class PriorityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ActivityOfAStepThatHandledAnEvent_RunsBeforeRoutineActivitiesQueuedEarlier()
    {
        var gate = new Gate();
        var order = new List<string>();
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Hold", async (_, x, ct) =>
            {
                await gate.PassAsync(ct);
                return x;
            })
            .AddActivity<string, string>("Record", (_, x, _) =>
            {
                lock (order)
                {
                    order.Add(x);
                }

                return Task.FromResult(x);
            })
            .AddOrchestrator<string, string>("Holder", (ctx, _) => ctx.CallActivityAsync<string>("Hold", "held"))
            .AddOrchestrator<string, string>("Routine", (ctx, x) => ctx.CallActivityAsync<string>("Record", x))
            .AddOrchestrator<string, string>("OnEvent", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Record", await ctx.WaitForExternalEvent<string>("go"))),
            TestClock.Create(), o => o.MaxConcurrentActivities = 1);

        // One activity slot, taken by the holder; then a routine activity queues, then one caused by a client's event.
        var waiting = await engine.Client.ScheduleNewOrchestrationInstanceAsync("OnEvent");
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 1), "the event waiter's first step");
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Holder");
        await Eventually.TrueAsync(() => Task.FromResult(gate.Arrived == 1), "the holder to take the only slot");
        var routine = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Routine", "routine");
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 3), "the routine activity to queue");
        await engine.Client.RaiseEventAsync(waiting, "go", "urgent");
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 4), "the urgent activity to queue");
        gate.Open();
        await engine.WaitAsync(waiting);
        await engine.WaitAsync(routine);

        Assert.Equal(["urgent", "routine"], order);
    }
}
