using System.Diagnostics.Metrics;

namespace Broadcast.Sessions;

/// <summary>
/// The leak ledger's instruments, on the sessions' meter (<see cref="SessionMetrics.MeterName"/>):
/// <c>broadcast.ledger.open</c>, the open entries as counted by the latest sweeper pass or ledger read, and
/// <c>broadcast.sweeper.stops</c>, the sweeper's stop calls by kind and result.
/// </summary>
public sealed class LeakMetrics
{
    private readonly Counter<long> stops;
    private long openEntries;

    /// <summary>Creates the instruments on the sessions' meter from <paramref name="meterFactory"/>.</summary>
    public LeakMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SessionMetrics.MeterName);
        meter.CreateObservableGauge("broadcast.ledger.open", () => Interlocked.Read(ref openEntries), "{entry}",
            "Ledger entries that may still be running at the vendor (open or given up).");
        stops = meter.CreateCounter<long>("broadcast.sweeper.stops", "{call}",
            "Stops sent by the leak sweeper, by kind and result (stopped, retry, given_up).");
    }

    /// <summary>The open entries as last counted.</summary>
    public long OpenEntries => Interlocked.Read(ref openEntries);

    /// <summary>Sets the count of open entries.</summary>
    public void SetOpenEntries(long count) => Interlocked.Exchange(ref openEntries, count);

    /// <summary>The sweeper sent a stop for <paramref name="kind"/> with <paramref name="result"/>.</summary>
    public void RecordStop(LeakKind kind, string result) => stops.Add(1,
        new KeyValuePair<string, object?>("kind", kind.ToString()),
        new KeyValuePair<string, object?>("result", result));
}
