namespace Broadcast.CrashSuite;

/// <summary>Polls a condition until it holds or a deadline passes.</summary>
internal static class Waiting
{
    public static async Task<bool> UntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition(cancellationToken))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }
}
