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

        flusher.Enqueue([command]);

        Assert.True(await command.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, command.FlushesWhenAnswered);
    }

    [Fact]
    public async Task Flusher_ThatCannotFlush_FailsTheCommandsWithAClearError()
    {
        // No log file to flush: the commands must not be told they are safe on disk.
        using var flusher = new CommitFlusher(Path.Combine(_folder.Path, "missing", "engine.db"), NullLogger.Instance);
        var command = new ProbeCommand(() => flusher.Flushes);

        flusher.Enqueue([command]);

        var error = await Assert.ThrowsAsync<IOException>(() => command.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("could not be flushed to disk", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, flusher.Flushes);
    }

    private Task<EngineHarness> StartAsync() => EngineHarness.StartAsync(_folder.DatabasePath, b => b
        .AddActivity<int, int>("Inc", (_, x, _) => Task.FromResult(x + 1))
        .AddOrchestrator<int, int>("Sum", async (ctx, x) => await ctx.CallActivityAsync<int>("Inc", x) + await ctx.CallActivityAsync<int>("Inc", x + 1)),
        configure: o => o.DurableCommits = true);

    private sealed class ProbeCommand(Func<long> flushes) : WriteCommand<bool>
    {
        public long FlushesWhenAnswered { get; private set; } = -1;

        public override void Execute(WriteSession session) => Result = true;

        protected override void OnCommitted()
        {
            FlushesWhenAnswered = flushes();
            Result = true;
        }
    }
}
