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
        .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult("echo " + x))
        .AddOrchestrator<string, string>("Fails", (ctx, x) =>
        {
            ctx.SetCustomStatus("failing " + x);
            throw new InvalidOperationException("broke on " + x);
        });

    [Fact]
    public async Task FileOfAVersion1Engine_IsUpgraded_AndItsInstancesGoOnWithTheirRows()
    {
        var clock = TestClock.Create();
        string[] ids;
        OrchestrationMetadata[] before;
        IReadOnlyList<HistoryEvent>[] historyBefore;
        await using (var first = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock))
        {
            ids =
            [
                await first.Client.ScheduleNewOrchestrationInstanceAsync("ShoutsThenWaits", "hello"),
                await first.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "kept"),
                await first.Client.ScheduleNewOrchestrationInstanceAsync("Fails", "purpose"),
            ];
            await first.WaitAsync(ids[1]);
            await first.WaitAsync(ids[2]);
            await first.WaitForHistoryAsync(ids[0], h => h.Any(e => e.Kind == HistoryEventKind.TaskCompleted), "the activity's result");
            // A later step, so the waiting instance's last update differs from its creation.
            clock.Advance(TimeSpan.FromMinutes(1));
            await first.Client.RaiseEventAsync(ids[0], "aside", "kept for later");
            await first.WaitForHistoryAsync(ids[0], h => h.Any(e => e.Kind == HistoryEventKind.EventRaised), "the early event");
            before = await Task.WhenAll(ids.Select(async id => (await first.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!));
            historyBefore = await Task.WhenAll(ids.Select(id => first.Client.GetHistoryAsync(id)));
        }

        SchemaFiles.RewriteAsVersion1(_folder.DatabasePath);
        Assert.True(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "history"));

        await using var second = await EngineHarness.StartAsync(_folder.DatabasePath, Register, clock);
        Assert.Equal(2, SchemaFiles.UserVersion(_folder.DatabasePath));
        Assert.False(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "instances"));
        Assert.False(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "history"));

        // Every column of every row came over to its own column: inputs differ from outputs, times from each other.
        Assert.Equal("echo kept", before[1].ReadOutputAs<string>());
        Assert.Equal("broke on purpose", before[2].FailureDetails?.ErrorMessage);
        Assert.NotEqual(before[0].CreatedAt, before[0].LastUpdatedAt);
        for (var i = 0; i < ids.Length; i++)
        {
            var after = await second.Client.GetInstanceAsync(ids[i], getInputsAndOutputs: true);
            Assert.Equal(before[i], after);
            Assert.Equal(historyBefore[i], await second.Client.GetHistoryAsync(ids[i]));
        }

        var waiting = ids[0];
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

    [Fact]
    public async Task FileWithAVersionNoEngineWrote_IsRefused_AndLeftAsItIs()
    {
        await using (await EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create()))
        {
        }

        SchemaFiles.SetUserVersion(_folder.DatabasePath, -1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineHarness.StartAsync(_folder.DatabasePath, Register, TestClock.Create()));

        Assert.Contains("schema version -1, which no engine wrote", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, SchemaFiles.UserVersion(_folder.DatabasePath));
        Assert.False(SchemaFiles.IsWithoutRowid(_folder.DatabasePath, "instances"));
    }
}
