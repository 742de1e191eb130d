namespace Broadcast.BadInput.Tests;

/// <summary>Waits for a condition with a generous deadline (the machine may be loaded), never for a fixed time.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }
}
