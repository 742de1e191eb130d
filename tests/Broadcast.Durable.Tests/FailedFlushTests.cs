using Broadcast.Durable.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Durable.Tests;

/// <summary>
/// A flush that fails under an inline step (durable commits on): the caller hears of it, nothing more is written, and a
/// restart applies the write once. The step's commit is in the log but was never flushed; here it stays in the file,
/// as it does whenever the kernel writes it out after all.
/// </summary>
public sealed class FailedFlushTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnEventWhoseStepCannotBeFlushed_FailsTheCaller_AndIsAppliedOnceAfterARestart()
    {
        var disk = new FailingDisk();
        string id;
        await using (var engine = await StartAsync(AddTwoJoins, disk))
        {
            id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("TwoJoins");
            disk.Failing = true;

            var error = await Assert.ThrowsAsync<IOException>(() => engine.Client.RaiseEventAsync(id, "joined", "first"));

            Assert.Contains("restart", error.Message, StringComparison.Ordinal);
            Assert.Same(error, await engine.Engine.Broken.WaitAsync(Deadline));
            Assert.Equal(1, engine.Engine.Statistics.StepsInline); // the start; the event's step failed
        }

        // The event's own write after the failed step was refused, not stored: a second copy would be applied too.
        Assert.Equal(0, Database.CountMessages(_folder.DatabasePath, id));
        await using var restarted = await StartAsync(AddTwoJoins);
        await restarted.Client.RaiseEventAsync(id, "joined", "second");
        Assert.Equal("first+second", (await restarted.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task AStartWhoseStepCannotBeFlushed_FailsWithTheFlushError_NotAsAnIdAlreadyRunning()
    {
        var disk = new FailingDisk();
        await using (var engine = await StartAsync(AddTwoJoins, disk))
        {
            disk.Failing = true; // after the open, whose own flush would refuse to open the store
            var error = await Assert.ThrowsAsync<IOException>(() =>
                engine.Client.ScheduleNewOrchestrationInstanceAsync("TwoJoins", options: new StartOrchestrationOptions("s1")));

            Assert.Contains("restart", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, engine.Engine.Statistics.StepsInline);
        }

        // The start went inline, and its schedule after the failed step was refused: nothing waits to start it again.
        Assert.Equal(0, Database.CountMessages(_folder.DatabasePath, "s1"));
        await using var restarted = await StartAsync(AddTwoJoins);
        await restarted.Client.RaiseEventAsync("s1", "joined", "a");
        await restarted.Client.RaiseEventAsync("s1", "joined", "b");
        Assert.Equal("a+b", (await restarted.WaitAsync("s1")).ReadOutputAs<string>());
        Assert.Single(await restarted.Client.GetHistoryAsync("s1"), e => e.Kind == HistoryEventKind.ExecutionStarted);
    }

    [Fact]
    public async Task AnActivityResultWhoseStepCannotBeFlushed_IsAppliedOnceAfterARestart_WithoutRunningTheActivityAgain()
    {
        var disk = new FailingDisk();
        var runs = 0;
        void Register(IDurableEngineBuilder b) => b
            .AddActivity<int, int>("Inc", (_, x, _) =>
            {
                Interlocked.Increment(ref runs);
                disk.Failing = true; // the step with this result is the first write that cannot be flushed
                return Task.FromResult(x + 1);
            })
            .AddOrchestrator<int, string>("IncThenWait", async (ctx, x) =>
                await ctx.CallActivityAsync<int>("Inc", x) + ":" + await ctx.WaitForExternalEvent<string>("next"));

        string id;
        await using (var engine = await StartAsync(Register, disk))
        {
            id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("IncThenWait", 1);
            Assert.Contains("restart", (await engine.Engine.Broken.WaitAsync(Deadline)).Message, StringComparison.Ordinal);
            await Eventually.TrueAsync(() => engine.Engine.Statistics.ActivitiesRunning == 0, "the activity to finish");
            Assert.Equal(0, engine.Engine.Statistics.ActivitiesCompleted); // its result was not taken as recorded
        }

        // The result's step went inline (no result message stored). "Once" after the restart rests on the work item:
        // a result stored after all would be dropped, since its work item went with the step.
        Assert.Equal(0, Database.CountMessages(_folder.DatabasePath, id));
        Assert.Equal(0, Database.CountActivities(_folder.DatabasePath, id));
        await using var restarted = await StartAsync(Register);
        await restarted.Client.RaiseEventAsync(id, "next", "go");
        Assert.Equal("2:go", (await restarted.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(1, runs);
        Assert.Single(await restarted.Client.GetHistoryAsync(id), e => e.Kind == HistoryEventKind.TaskCompleted);
    }

    [Fact]
    public async Task AStoreWhoseLeftoverLogCannotBeFlushed_DoesNotOpen_AndNamesTheSetting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(AddTwoJoins, new FailingDisk { Failing = true }));

        Assert.Contains("Engine:DatabasePath", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARefusalResting_OnACommitNotYetOnDisk_IsAnsweredOnlyAfterItsFlush(bool flushFails)
    {
        var disk = new FailingDisk();
        await using var engine = await StartAsync(AddTwoJoins, disk);
        var transactions = engine.Engine.Statistics.Transactions;
        Task<string> first, second;
        disk.Hold();
        try
        {
            first = engine.Client.ScheduleNewOrchestrationInstanceAsync("TwoJoins", options: new StartOrchestrationOptions("s1"));
            await Eventually.TrueAsync(() => engine.Engine.Statistics.Transactions > transactions, "the first start's commit");

            // The same id again: refused, because the first start's row is there, but that row is not on disk yet.
            second = engine.Client.ScheduleNewOrchestrationInstanceAsync("TwoJoins", options: new StartOrchestrationOptions("s1"));
            await Eventually.TrueAsync(() => engine.Engine.Statistics.Transactions > transactions + 1, "the second start's commit");
            await Task.WhenAny(second, Task.Delay(100)); // gives an early answer the time to show
            Assert.False(second.IsCompleted, "the refusal was answered before what it rests on was flushed");
            disk.Failing = flushFails;
        }
        finally
        {
            disk.Release(); // a held flush would keep the engine from stopping
        }

        if (flushFails)
        {
            await Assert.ThrowsAsync<IOException>(() => first);
            await Assert.ThrowsAsync<IOException>(() => second);
        }
        else
        {
            Assert.Equal("s1", await first);
            await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => second);
        }
    }

    /// <summary>Waits for two "joined" events and returns both, so an event applied twice shows in the output.</summary>
    private static void AddTwoJoins(IDurableEngineBuilder builder) =>
        builder.AddOrchestrator<string, string>("TwoJoins", async (ctx, _) =>
            await ctx.WaitForExternalEvent<string>("joined") + "+" + await ctx.WaitForExternalEvent<string>("joined"));

    /// <param name="disk">The log's flush for the first engine; a restart gets the real one.</param>
    private Task<EngineHarness> StartAsync(Action<IDurableEngineBuilder> register, FailingDisk? disk = null) =>
        EngineHarness.StartAsync(
            _folder.DatabasePath,
            register,
            configure: o => o.DurableCommits = true,
            addServices: disk is null ? null : s => s.AddSingleton<LogFlush>(disk.Flush));

    /// <summary>Flushes the log for real until told to fail, then refuses every flush as a dying disk would; can hold flushes back.</summary>
    private sealed class FailingDisk
    {
        private volatile bool _failing;

        public bool Failing
        {
            get => _failing;
            set => _failing = value;
        }

        private readonly ManualResetEventSlim _released = new(true);

        /// <summary>Holds every flush until <see cref="Release"/>, as a slow disk would.</summary>
        public void Hold() => _released.Reset();

        public void Release() => _released.Set();

        public void Flush(FileStream log)
        {
            _released.Wait();
            if (_failing)
            {
                throw new IOException("Input/output error");
            }

            LogFlushes.Fsync(log);
        }
    }
}
