namespace Broadcast.Benchmarks;

/// <summary>Runs <c>count</c> items with exactly <c>concurrency</c> of them in flight: a closed loop, as clients keep sessions going.</summary>
internal static class Workers
{
    public static async Task RunAsync(int count, int concurrency, Func<int, Task> item)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await item(index);
            }
        })));
    }
}
