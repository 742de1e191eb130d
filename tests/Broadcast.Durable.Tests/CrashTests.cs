using Broadcast.Durable.CrashWorker;

namespace Broadcast.Durable.Tests;

/// <summary>
/// Runs the engine in a child process, kills it (SIGKILL) while activities run and while timers are
/// pending, restarts it, and checks that every instance completes exactly as without the crash.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Instances = 30;
    private const int Kills = 2;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledMidActivityAndMidTimer_EveryInstanceCompletes_AndNoStepIsAppliedTwice()
    {
        var effects = Path.Combine(_folder.Path, "effects.log");

        using (var first = CrashWorkerProcess.Start(_folder.DatabasePath, effects, Instances, schedule: true))
        {
            await first.WaitForOutputAsync("SCHEDULED");
            await Eventually.TrueAsync(() => EffectRecord.Read(effects) is { Steps.Count: >= 10, Unfinished: > 0 }, "activities in flight");
            first.Kill();
        }

        Assert.True(EffectRecord.Read(effects).Unfinished > 0, "the first kill should land while activities run");

        using (var second = CrashWorkerProcess.Start(_folder.DatabasePath, effects, Instances, schedule: false))
        {
            await second.WaitForOutputAsync("STARTED");
            await Eventually.TrueAsync(() => EffectRecord.Read(effects).WaitingOnTimer > 0, "an instance waiting on its timer");
            second.Kill();
        }

        Assert.True(EffectRecord.Read(effects).WaitingOnTimer > 0, "the second kill should land while timers are pending");

        using (var last = CrashWorkerProcess.Start(_folder.DatabasePath, effects, Instances, schedule: false))
        {
            Assert.True(await last.WaitForExitAsync(seconds: 90) == 0, last.Output);
        }

        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, _ => { });
        var record = EffectRecord.Read(effects);
        for (var i = 0; i < Instances; i++)
        {
            var id = CrashChain.InstanceId(i);
            var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
            Assert.Equal(CrashChain.ExpectedOutput(id), instance.ReadOutputAs<int>());

            var history = await engine.Client.GetHistoryAsync(id);
            Assert.Equal([0, 1, 3], history.Where(e => e.Kind == HistoryEventKind.TaskScheduled).Select(e => e.TaskId!.Value));
            Assert.Equal([0, 1, 3], history.Where(e => e.Kind == HistoryEventKind.TaskCompleted).Select(e => e.TaskId!.Value));
            Assert.Single(history, e => e.Kind == HistoryEventKind.TimerFired);
            for (var step = 1; step <= 3; step++)
            {
                var (starts, dones) = record.Steps[(id, step)];
                Assert.InRange(dones, 1, Kills + 1);
                Assert.InRange(starts, 1, Kills + 1);
            }
        }

        // At-least-once: only activities cut off by a kill (or finished just before it) ran again.
        var repeated = record.Steps.Values.Count(s => s.Starts > 1);
        Assert.InRange(repeated, 0, Kills * CrashChain.ConcurrentActivities);
    }
}
