namespace Broadcast.Host.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_RunsOneSessionToTheEnd_ExitsZeroAndPrintsTheTimeline()
    {
        using var output = new StringWriter();

        var exitCode = await DemoCommand.RunAsync([], output);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("Completed (ended by: Cancelled)", text, StringComparison.Ordinal);
        Assert.Contains("0 push(es) and 0 recording(s) left running", text, StringComparison.Ordinal);
        Assert.Matches(@"Call\s+StartPush\s+1\s", text);
        Assert.Matches(@"Call\s+StopPush\s+1\s", text);
    }
}
