using Microsoft.Extensions.DependencyInjection;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcast.Durable.Tests;

public sealed class DurableCommitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task DurableCommits_RunOrchestrationsToTheEnd_AndKeepThemAcrossARestart()
    {
        var ids = new List<string>();
        await using (var engine = await StartAsync())
        {
            for (var i = 0; i < 20; i++)
            {
                ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sum", i));
            }

            foreach (var id in ids)
            {
                Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(id)).RuntimeStatus);
            }
        }

        await using var restarted = await StartAsync();
        var outputs = new List<int>();
        foreach (var id in ids)
        {
            outputs.Add((await restarted.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadOutputAs<int>());
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i + 1 + i + 2), outputs);
    }

    [Fact]
    public async Task Flusher_AnswersCommandsOnlyAfterTheLogIsOnDisk()
    {
        var log = _folder.DatabasePath + "-wal";
        await File.WriteAllTextAsync(log, "frames");
        using var flusher = new CommitFlusher(_folder.DatabasePath, NullLogger.Instance);
        var command = new ProbeCommand(() => flusher.Flushes);

        flusher.Enqueue([command], 1);

        Assert.True(await command.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, command.FlushesWhenAnswered);
    }

    [Fact]
    public async Task Flusher_ThatCannotFlush_StopsForGood_FailingEveryCommandWithAClearError()
    {
        // No log file to flush: the commands must not be told they are safe on disk, nor any later one.
        using var flusher = new CommitFlusher(Path.Combine(_folder.Path, "missing", "engine.db"), NullLogger.Instance);
        var first = new ProbeCommand(() => flusher.Flushes);
        var later = new ProbeCommand(() => flusher.Flushes);

        flusher.Enqueue([first], 1);
        var error = await Assert.ThrowsAsync<IOException>(() => first.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        flusher.Enqueue([later], 2);

        Assert.Contains("could not be flushed to disk", error.Message, StringComparison.Ordinal);
        Assert.Contains("restart", error.Message, StringComparison.Ordinal);
        Assert.Same(error, await flusher.Broken.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Same(error, await Assert.ThrowsAsync<IOException>(() => later.Completion.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.Equal(0, flusher.Flushes);
        Assert.Same(error, await Assert.ThrowsAsync<IOException>(() => flusher.WaitFlushedAsync(1, CancellationToken.None)));
    }

    [Fact]
    public async Task ClientReadBarrier_WaitsUntilTheCommitsItCouldSeeAreOnDisk()
    {
        await File.WriteAllTextAsync(_folder.DatabasePath + "-wal", "frames");
        using var flusher = new CommitFlusher(_folder.DatabasePath, NullLogger.Instance);
        flusher.Enqueue([new ProbeCommand(() => flusher.Flushes)], 1);
        await flusher.WaitFlushedAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var second = flusher.WaitFlushedAsync(2, CancellationToken.None);
        Assert.False(second.IsCompleted); // commit 2 is not handed over yet
        flusher.Enqueue([], 2); // a transaction that failed to commit: nothing to flush, the barrier moves on

        await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(flusher.Flushes >= 1);
    }

    [Fact]
    public async Task DatabasePathThroughASymbolicLink_FlushesTheLogBesideTheRealFile()
    {
        // SQLite puts the log beside the file the link points to; flushing "<link>-wal" would flush nothing.
        var real = Directory.CreateDirectory(Path.Combine(_folder.Path, "real")).FullName;
        var links = Directory.CreateDirectory(Path.Combine(_folder.Path, "links")).FullName;
        var realPath = Path.Combine(real, "engine.db");
        await using (await StartAsync(realPath))
        {
        }

        var linkPath = Path.Combine(links, "engine.db");
        File.CreateSymbolicLink(linkPath, realPath);
        await using var engine = await StartAsync(linkPath);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sum", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.WaitAsync(id)).RuntimeStatus);
        Assert.False(File.Exists(linkPath + "-wal"));
    }

    [Fact]
    public async Task WorkAnEarlierProcessLeft_RunsOnlyOnceTheLogIsFlushed()
    {
        // The earlier process may have died between a commit and its flush: the commit is then readable, but only
        // from the OS's cache. Its activity must not reach the outside world before that commit is on disk.
        var gate = new Gate();
        var flushes = 0;
        var flushesWhenRun = new List<int>();
        void Register(IDurableEngineBuilder b) => b
            .AddActivity<string, string>("Call", async (_, x, ct) =>
            {
                lock (flushesWhenRun)
                {
                    flushesWhenRun.Add(Volatile.Read(ref flushes));
                }

                if (flushesWhenRun.Count == 1)
                {
                    await gate.PassAsync(ct);
                }

                return x;
            })
            .AddOrchestrator<string, string>("CallsOnce", async (ctx, x) => await ctx.CallActivityAsync<string>("Call", x));

        string id;
        await using (var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, configure: o => o.DurableCommits = true))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("CallsOnce", "work");
            await Eventually.TrueAsync(() => gate.Arrived == 1, "the activity to start");
            using var noWait = new CancellationTokenSource();
            await noWait.CancelAsync();
            await first.Engine.StopAsync(noWait.Token); // its work item stays, as after a kill
        }

        await using var second = await EngineHarness.StartAsync(_folder.DatabasePath, Register, configure: o => o.DurableCommits = true,
            addServices: s => s.AddSingleton<LogFlush>(log =>
            {
                LogFlushes.Fsync(log);
                Interlocked.Increment(ref flushes);
            }));

        Assert.Equal("work", (await second.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(2, flushesWhenRun.Count);
        Assert.True(flushesWhenRun[1] >= 1, "the restarted engine ran the activity before flushing what it found");
    }

    private Task<EngineHarness> StartAsync(string? path = null) => EngineHarness.StartAsync(path ?? _folder.DatabasePath, b => b
        .AddActivity<int, int>("Inc", (_, x, _) => Task.FromResult(x + 1))
        .AddOrchestrator<int, int>("Sum", async (ctx, x) => await ctx.CallActivityAsync<int>("Inc", x) + await ctx.CallActivityAsync<int>("Inc", x + 1)),
        configure: o => o.DurableCommits = true);

    private sealed class ProbeCommand(Func<long> flushes) : WriteCommand<bool>
    {
        public long FlushesWhenAnswered { get; private set; } = -1;

        public override string MetricName => "probe";

        public override void Execute(WriteSession session) => Result = true;

        protected override void OnCommitted()
        {
            FlushesWhenAnswered = flushes();
            Result = true;
        }
    }
}
