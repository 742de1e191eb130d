using System.Diagnostics;
using System.Diagnostics.Metrics;
using Broadcast.Durable.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Broadcast.Durable.Tests;

public sealed class EngineMetricsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ASignalledInstance_RecordsEveryQueueItPasses_WithItsCommandAndLane()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Echo", (_, x, _) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Signalled", async (ctx, _) =>
            {
                var joined = await ctx.WaitForExternalEvent<string>("joined");
                return await ctx.CallActivityAsync<string>("Echo", joined);
            }), configure: o =>
            {
                o.DurableCommits = true;
                o.InlineSteps = false; // every result and event goes through the inbox and the ready queue
            }, addServices: s => s.AddMetrics());
        var factory = engine.Services.GetRequiredService<IMeterFactory>();
        using var writeQueue = Collect(factory, "broadcast.durable.write.queue_time");
        using var writeCommit = Collect(factory, "broadcast.durable.write.commit_time");
        using var stepQueue = Collect(factory, "broadcast.durable.step.queue_time");
        using var activityQueue = Collect(factory, "broadcast.durable.activity.queue_time");

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Signalled");
        await engine.WaitForHistoryAsync(id, h => h.Any(e => e.Kind == HistoryEventKind.ExecutionStarted), "the first step");
        await engine.Client.RaiseEventAsync(id, "joined", "anchor");
        Assert.Equal("anchor", (await engine.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(0, engine.Engine.Statistics.StepsInline);

        string[] commands = ["schedule", "step", "message", "activity_result"];
        Assert.All(commands, command => Assert.Contains(writeQueue.GetMeasurementSnapshot(), m => Tagged(m, "command", command)));
        Assert.All(commands, command => Assert.Contains(writeCommit.GetMeasurementSnapshot(), m => Tagged(m, "command", command)));
        Assert.Contains(stepQueue.GetMeasurementSnapshot(), m => Tagged(m, "lane", "urgent"));
        Assert.Contains(stepQueue.GetMeasurementSnapshot(), m => Tagged(m, "lane", "routine"));
        Assert.Contains(activityQueue.GetMeasurementSnapshot(), m => Tagged(m, "lane", "urgent"));
        Assert.All(
            new[] { writeQueue, writeCommit, stepQueue, activityQueue }.SelectMany(c => c.GetMeasurementSnapshot()),
            m => Assert.InRange(m.Value, 0, 30));
    }

    [Fact]
    public async Task ARoutineActivity_IsRecordedInTheRoutineLane()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Echo", (_, x, _) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Plain", (ctx, x) => ctx.CallActivityAsync<string>("Echo", x)),
            addServices: s => s.AddMetrics());
        using var activityQueue = Collect(engine.Services.GetRequiredService<IMeterFactory>(), "broadcast.durable.activity.queue_time");

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Plain", "x");
        await engine.WaitAsync(id);

        var measurement = Assert.Single(activityQueue.GetMeasurementSnapshot());
        Assert.True(Tagged(measurement, "lane", "routine"));
    }

    [Fact]
    public void AWakeWhileTheStepRuns_CountsItsWaitFromTheWake_InTheLaneItSet()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new EngineMetrics(factory);
        using var stepQueue = Collect(factory, "broadcast.durable.step.queue_time");
        var queue = new ReadyQueue(metrics);
        queue.Wake("a");
        Assert.True(queue.TryBegin(out _));

        var woken = Stopwatch.GetTimestamp();
        queue.Wake("a", urgent: true);
        while (Stopwatch.GetElapsedTime(woken) < TimeSpan.FromMilliseconds(20))
        {
            Thread.SpinWait(1_000); // the step is still running
        }

        queue.End("a");
        Assert.True(queue.TryBegin(out _));

        var measurements = stepQueue.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.True(Tagged(measurements[1], "lane", "urgent"));
        Assert.True(measurements[1].Value >= 0.020, $"waited {measurements[1].Value * 1000:0.0} ms, counted from the end of the step");
    }

    private static MetricCollector<double> Collect(IMeterFactory factory, string instrument) =>
        new(factory, DurableEngine.MeterName, instrument);

    private static bool Tagged(CollectedMeasurement<double> measurement, string tag, string value) =>
        measurement.Tags.TryGetValue(tag, out var actual) && Equals(actual, value);
}
