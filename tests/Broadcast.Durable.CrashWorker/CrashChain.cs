using System.Globalization;

namespace Broadcast.Durable.CrashWorker;

/// <summary>Two activities, a durable timer, a third activity; the output sums the activity results.</summary>
public sealed class CrashChain : IOrchestrator<string, int>
{
    public const int ConcurrentActivities = 8;

    public static readonly TimeSpan TimerDelay = TimeSpan.FromSeconds(1.5);

    public static string InstanceId(int index) => string.Create(CultureInfo.InvariantCulture, $"crash-{index:D3}");

    /// <summary>What an instance must return, crash or not.</summary>
    public static int ExpectedOutput(string instanceId) => EffectActivity.Result(instanceId, 1) + EffectActivity.Result(instanceId, 2) + EffectActivity.Result(instanceId, 3);

    public async Task<int> RunAsync(IOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var total = await context.CallActivityAsync<int>(nameof(EffectActivity), new EffectInput(input, 1));
        total += await context.CallActivityAsync<int>(nameof(EffectActivity), new EffectInput(input, 2));
        await context.CreateTimer(TimerDelay, CancellationToken.None);
        total += await context.CallActivityAsync<int>(nameof(EffectActivity), new EffectInput(input, 3));
        return total;
    }
}
