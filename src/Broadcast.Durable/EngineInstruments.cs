namespace Broadcast.Durable;

/// <summary>The names of the engine's histograms (meter <see cref="DurableEngine.MeterName"/>), for a listener that reads them.</summary>
public static class EngineInstruments
{
    /// <summary>How long a write waited for its transaction, tagged <c>command</c>.</summary>
    public const string WriteQueueTime = "broadcast.durable.write.queue_time";

    /// <summary>How long a write took from its transaction's start until it was answered, tagged <c>command</c>.</summary>
    public const string WriteCommitTime = "broadcast.durable.write.commit_time";

    /// <summary>How long a woken instance waited for its step, tagged <c>lane</c>.</summary>
    public const string StepQueueTime = "broadcast.durable.step.queue_time";

    /// <summary>How long a scheduled activity waited to begin, tagged <c>lane</c>.</summary>
    public const string ActivityQueueTime = "broadcast.durable.activity.queue_time";
}
