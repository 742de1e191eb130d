using System.Diagnostics.Metrics;
using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// The session metrics (meter <c>Broadcast.Sessions</c>). Recorded by activities and the service, which run
/// once per attempt; the orchestration records only its outcome, and never while replaying.
/// </summary>
public sealed class SessionMetrics
{
    /// <summary>The meter's name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "Broadcast.Sessions";

    private readonly Counter<long> created;
    private readonly Counter<long> finished;
    private readonly Counter<long> calls;
    private readonly Counter<long> retries;
    private readonly Histogram<double> joinToPush;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public SessionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        created = meter.CreateCounter<long>("broadcast.sessions.created", "{session}", "Sessions created.");
        finished = meter.CreateCounter<long>("broadcast.sessions.finished", "{session}", "Sessions that ended, by outcome.");
        calls = meter.CreateCounter<long>("broadcast.ilvb.calls", "{call}", "Vendor calls, by operation and result code (0 for success).");
        retries = meter.CreateCounter<long>("broadcast.ilvb.retries", "{call}", "Vendor calls that were a retry, by operation.");
        joinToPush = meter.CreateHistogram<double>("broadcast.sessions.join_to_push", "s",
            "Time from the anchor's join signal to the push's start.");
    }

    /// <summary>A session was created.</summary>
    public void RecordSessionCreated() => created.Add(1);

    /// <summary>A session ended with <paramref name="outcome"/>.</summary>
    public void RecordSessionFinished(SessionOutcome outcome) =>
        finished.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    /// <summary>A vendor call returned <paramref name="code"/> (0 for success).</summary>
    public void RecordCall(string operation, long code, IlvbErrorCategory? category) => calls.Add(1,
        new KeyValuePair<string, object?>("operation", operation),
        new KeyValuePair<string, object?>("code", code),
        new KeyValuePair<string, object?>("category", category?.ToString() ?? "Success"));

    /// <summary>A vendor call was a retry.</summary>
    public void RecordRetry(string operation) => retries.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>The push started <paramref name="latency"/> after the join signal.</summary>
    public void RecordJoinToPush(TimeSpan latency) => joinToPush.Record(Math.Max(0, latency.TotalSeconds));
}
