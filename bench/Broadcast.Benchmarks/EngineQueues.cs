using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Broadcast.Durable;

namespace Broadcast.Benchmarks;

/// <summary>
/// Listens to the engine's queue instruments (meter <see cref="DurableEngine.MeterName"/>) during a run, to show where the
/// sessions' time goes: the waits a client's event meets on its way to its activity, and the routine work beside it.
/// </summary>
internal sealed class EngineQueues : IDisposable
{
    // (instrument, tag value) in the order a join signal meets them.
    private static readonly (string Instrument, string Tag, string Label)[] Stages =
    [
        (EngineInstruments.WriteQueueTime, "message", "event write wait"),
        (EngineInstruments.WriteCommitTime, "message", "event commit"),
        (EngineInstruments.StepQueueTime, "urgent", "step wait (urgent)"),
        (EngineInstruments.WriteQueueTime, "step", "step write wait"),
        (EngineInstruments.WriteCommitTime, "step", "step commit"),
        (EngineInstruments.ActivityQueueTime, "urgent", "activity wait (urgent)"),
        (EngineInstruments.StepQueueTime, "routine", "step wait (routine)"),
        (EngineInstruments.ActivityQueueTime, "routine", "activity wait (routine)"),
    ];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string, string), ConcurrentQueue<double>> _samples = new();

    private EngineQueues()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DurableEngine.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                _samples.GetOrAdd((instrument.Name, tag.Value as string ?? ""), _ => new()).Enqueue(seconds * 1000);
            }
        });
        _listener.Start();
    }

    public static EngineQueues Start() => new();

    /// <summary>Each stage's waits so far, in the order a join signal meets them.</summary>
    public IReadOnlyList<QueueWait> Waits() =>
    [
        .. Stages.Select(stage =>
        {
            var sample = _samples.TryGetValue((stage.Instrument, stage.Tag), out var queue) ? queue.ToArray() : [];
            return new QueueWait(stage.Label, Math.Round(Percentiles.Of(sample, 50), 1), Math.Round(Percentiles.Of(sample, 99), 1), sample.Length);
        }),
    ];

    /// <summary>One line per stage: p50 and p99 in ms, and how many passed it.</summary>
    public static string Describe(IReadOnlyList<QueueWait> waits)
    {
        var text = new StringBuilder("  engine queues (p50 / p99 ms, count):");
        foreach (var wait in waits)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Environment.NewLine}    {wait.Stage,-24} {wait.P50Ms,7:0.0} / {wait.P99Ms,7:0.0}  ({wait.Count})");
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();
}
