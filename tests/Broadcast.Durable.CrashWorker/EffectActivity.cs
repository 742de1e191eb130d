namespace Broadcast.Durable.CrashWorker;

/// <summary>A side effect that takes a while, recorded before and after, so a kill can land in the middle.</summary>
public sealed class EffectActivity(EffectLog log) : IActivity<EffectInput, int>
{
    public static readonly TimeSpan Duration = TimeSpan.FromMilliseconds(250);

    public static int Result(string instanceId, int step) =>
        (step * 1000) + int.Parse(instanceId.AsSpan(instanceId.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(IActivityContext context, EffectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        log.Append("start", input);
        await Task.Delay(Duration, cancellationToken).ConfigureAwait(false);
        log.Append("done", input);
        return Result(input.InstanceId, input.Step);
    }
}
