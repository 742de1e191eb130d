namespace Broadcast.Durable.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void Register(IDurableEngineBuilder b) => b
        .AddActivity<string, string>("Shout", (_, x, _) => Task.FromResult(x.ToUpperInvariant()))
        .AddOrchestrator<string, string>("ShoutsThenWaits", async (ctx, x) =>
        {
            var shouted = await ctx.CallActivityAsync<string>("Shout", x);
            ctx.SetCustomStatus(shouted);
            return shouted + " " + await ctx.WaitForExternalEvent<string>("go");
        })
        .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x));

    [Fact]
    public async Task FileOfAVersion1Engine_IsUpgraded_AndItsInstancesGoOnWithTheirRows()
    {
        var clock = TestClock.Create();
        string waiting, done;
        IReadOnlyList<HistoryEvent> waitingHistory, doneHistory;
        await using (var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock))
        {
            waiting = await first.Client.ScheduleNewOrchestrationInstanceAsync("ShoutsThenWaits", "hello");
            done = await first.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "kept");
            await first.WaitAsync(done);
            await first.WaitForHistoryAsync(waiting, h => h.Any(e => e.Kind == HistoryEventKind.TaskCompleted), "the activity's result");
            waitingHistory = await first.Client.GetHistoryAsync(waiting);
            doneHistory = await first.Client.GetHistoryAsync(done);
        }

        SchemaFiles.RewriteAsVersion1(_folder.DatabasePath);
        Assert.True(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "history"));

        await using var second = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock);
        Assert.Equal(2, SchemaFiles.UserVersion(_folder.DatabasePath));
        Assert.False(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "instances"));
        Assert.False(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "history"));

        var finished = await second.Client.GetInstanceAsync(done, getInputsAndOutputs: true);
        Assert.Equal(("kept", "kept"), (finished!.ReadInputAs<string>(), finished.ReadOutputAs<string>()));
        Assert.Equal(doneHistory.Select(e => (e.Kind, e.Data)), (await second.Client.GetHistoryAsync(done)).Select(e => (e.Kind, e.Data)));
        Assert.Equal(waitingHistory.Select(e => (e.Kind, e.Data)), (await second.Client.GetHistoryAsync(waiting)).Select(e => (e.Kind, e.Data)));
        Assert.Equal("HELLO", (await second.Client.GetInstanceAsync(waiting, getInputsAndOutputs: true))!.ReadCustomStatusAs<string>());

        await second.Client.RaiseEventAsync(waiting, "go", "world");
        Assert.Equal("HELLO world", (await second.WaitAsync(waiting)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task FileOfANewerEngine_IsRefused_NamingItsVersion()
    {
        await using (await EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create()))
        {
        }

        SchemaFiles.SetUserVersion(_folder.DatabasePath, 3);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create()));

        Assert.Contains("schema version 3, newer than this engine supports (2)", error.Message, StringComparison.Ordinal);
    }
}
