using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Broadcast.Durable;

/// <summary>
/// The engine's queue instruments (meter <see cref="DurableEngine.MeterName"/>): how long work waits at each of its queues and
/// how long a write takes to commit. Under load they show where a session's time goes: a client's event passes
/// the writer twice, the ready queue once and the activity queue once before its activity runs.
/// </summary>
internal sealed class EngineMetrics : IDisposable
{
    private readonly Meter? _owned;
    private readonly Histogram<double> _writeQueue;
    private readonly Histogram<double> _writeCommit;
    private readonly Histogram<double> _stepQueue;
    private readonly Histogram<double> _activityQueue;

    /// <param name="meterFactory">The host's factory; without one the engine owns its meter.</param>
    public EngineMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(DurableEngine.MeterName) ?? (_owned = new Meter(DurableEngine.MeterName));
        _writeQueue = meter.CreateHistogram<double>(EngineInstruments.WriteQueueTime, "s",
            "Time a write waited for the transaction it commits in, by command.");
        _writeCommit = meter.CreateHistogram<double>(EngineInstruments.WriteCommitTime, "s",
            "Time from a write's transaction start until it was answered (committed, and on disk with durable commits), by command.");
        _stepQueue = meter.CreateHistogram<double>(EngineInstruments.StepQueueTime, "s",
            "Time a woken instance waited for its step to begin, by lane (urgent: a client's message).");
        _activityQueue = meter.CreateHistogram<double>(EngineInstruments.ActivityQueueTime, "s",
            "Time a scheduled activity waited to begin, by lane (urgent: scheduled by the step handling a client's event).");
    }

    /// <summary>A write submitted at <paramref name="submitted"/> got its first transaction at <paramref name="began"/> (<see cref="Stopwatch"/> timestamps).</summary>
    public void WriteStarted(string command, long submitted, long began) => Record(_writeQueue, submitted, began, "command", command);

    /// <summary>A write was answered; its transaction began at <paramref name="since"/>.</summary>
    public void WriteAnswered(string command, long since) => Record(_writeCommit, since, Stopwatch.GetTimestamp(), "command", command);

    /// <summary>A step began for an instance woken at <paramref name="since"/>.</summary>
    public void StepStarted(bool urgent, long since) => Record(_stepQueue, since, Stopwatch.GetTimestamp(), "lane", Lane(urgent));

    /// <summary>An activity began that was queued at <paramref name="since"/>.</summary>
    public void ActivityStarted(bool urgent, long since) => Record(_activityQueue, since, Stopwatch.GetTimestamp(), "lane", Lane(urgent));

    public void Dispose() => _owned?.Dispose();

    private static string Lane(bool urgent) => urgent ? "urgent" : "routine";

    private static void Record(Histogram<double> histogram, long since, long until, string tag, string value)
    {
        if (histogram.Enabled)
        {
            histogram.Record(Stopwatch.GetElapsedTime(since, until).TotalSeconds, new KeyValuePair<string, object?>(tag, value));
        }
    }
}
