namespace Broadcast.Durable.Tests;

/// <summary>An activity's result whose commit fails while the engine keeps running.</summary>
public sealed class ActivityResultRetryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResultWhoseCommitFails_IsCommittedOnceTheFaultEnds_WithoutRunningTheActivityAgain(bool inlineSteps)
    {
        var gate = new Gate();
        var runs = 0;
        var logs = new CapturingLoggerProvider();
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Call", async (_, x, ct) =>
            {
                Interlocked.Increment(ref runs);
                await gate.PassAsync(ct);
                return x + " done";
            })
            .AddOrchestrator<string, string>("CallsOnce", async (ctx, x) => await ctx.CallActivityAsync<string>("Call", x)),
            configure: o =>
            {
                o.InlineSteps = inlineSteps;
                o.StepRetryDelay = TimeSpan.FromMilliseconds(50);
            },
            logs: logs);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("CallsOnce", "work");
        await Eventually.TrueAsync(() => gate.Arrived == 1, "the activity to start");

        using (Database.FailWritesOf(_folder.DatabasePath, id))
        {
            gate.Open();
            await Eventually.TrueAsync(
                () => logs.Messages("Broadcast.Durable.DurableEngine").Any(m => m.Contains("could not be committed; it is tried again", StringComparison.Ordinal)),
                "the result's commit to fail");
        }

        Assert.Equal("work done", (await engine.WaitAsync(id)).ReadOutputAs<string>());
        Assert.Equal(1, runs);
    }
}
