using System.Diagnostics.Metrics;

namespace Broadcast.Host;

/// <summary>
/// The host's own instruments (meter <c>Broadcast.Host</c>): sessions created by source, queue messages and room-event
/// callbacks by outcome.
/// </summary>
public sealed class HostMetrics
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string MeterName = "Broadcast.Host";

    /// <summary>The <c>source</c> tag of sessions created over HTTP.</summary>
    public const string SourceHttp = "http";

    /// <summary>The <c>source</c> tag of sessions created from the queue.</summary>
    public const string SourceQueue = "queue";

    private readonly Counter<long> _sessionsCreated;
    private readonly Counter<long> _queueMessages;
    private readonly Counter<long> _roomEvents;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HostMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _sessionsCreated = meter.CreateCounter<long>("broadcast.host.sessions.created", "{session}", "Sessions created, by source (http, queue).");
        _queueMessages = meter.CreateCounter<long>("broadcast.host.queue.messages", "{message}", "Queue messages handled, by queue and outcome (processed, retried, poisoned).");
        _roomEvents = meter.CreateCounter<long>("broadcast.host.room_events", "{event}",
            "Room-event callbacks, by outcome (routed, held, stale, duplicate, unauthorized, invalid).");
    }

    /// <summary>Counts a new session.</summary>
    public void SessionCreated(string source) => _sessionsCreated.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>Counts a room-event callback by what became of it.</summary>
    public void RoomEvent(string outcome) => _roomEvents.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts a handled queue message.</summary>
    public void QueueMessage(string queue, string outcome) => _queueMessages.Add(
        1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("outcome", outcome));
}
