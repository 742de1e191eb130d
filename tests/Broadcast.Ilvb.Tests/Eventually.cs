namespace Broadcast.Ilvb.Tests;

/// <summary>Polls a condition until it holds or a generous deadline passes.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what ?? "the condition"}.");
            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
