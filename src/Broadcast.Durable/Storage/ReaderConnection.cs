using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Storage;

/// <summary>A read connection with its prepared queries; used by one thread at a time (see <see cref="ReaderPool"/>).</summary>
internal sealed class ReaderConnection : IDisposable
{
    // As in Durable Task, the custom status comes with the inputs and outputs only. Callers that just check an
    // instance's status (every signal does) read none of the three, so SQLite stops before the row's large columns.
    private const string StatusColumns = "instance_id, name, status, created_at, last_updated_at, failure";
    private const string MetadataColumns = StatusColumns + ", custom_status, input, output";

    private readonly SqliteConnection _connection;
    private readonly PreparedCommand _messages;
    private readonly PreparedCommand _instance;
    private readonly PreparedCommand _history;
    private readonly PreparedCommand _status;
    private readonly PreparedCommand _metadata;
    private readonly PreparedCommand _due;
    private readonly PreparedCommand _nextDue;

    public ReaderConnection(SqliteConnection connection)
    {
        _connection = connection;
        _messages = new(connection,
            "SELECT id, kind, execution_id, task_id, name, data, failure, visible_at, carried_over FROM messages WHERE instance_id = $i AND visible_at <= $now ORDER BY id;",
            "$i", "$now");
        _instance = new(connection, "SELECT name, execution_id, status, version FROM instances WHERE instance_id = $i;", "$i");
        _history = new(connection, "SELECT kind, timestamp, task_id, name, data, failure, fire_at FROM history WHERE instance_id = $i ORDER BY seq;", "$i");
        _status = new(connection, $"SELECT {StatusColumns} FROM instances WHERE instance_id = $i;", "$i");
        _metadata = new(connection, $"SELECT {MetadataColumns} FROM instances WHERE instance_id = $i;", "$i");
        _due = new(connection, "SELECT DISTINCT instance_id FROM messages WHERE visible_at > $a AND visible_at <= $b;", "$a", "$b");
        _nextDue = new(connection, "SELECT min(visible_at) FROM messages WHERE visible_at > $a;", "$a");
    }

    public List<InboxMessage> LoadMessages(string instanceId, long now)
    {
        var messages = new List<InboxMessage>();
        using var reader = _messages.Bind(0, instanceId).Bind(1, now).Read();
        while (reader.Read())
        {
            messages.Add(new InboxMessage(
                reader.GetInt64(0), instanceId, (MessageKind)reader.GetInt32(1), reader.GetInt64(7),
                NullableString(reader, 2), reader.IsDBNull(3) ? null : reader.GetInt32(3), NullableString(reader, 4),
                NullableString(reader, 5), NullableString(reader, 6), reader.GetInt32(8) != 0));
        }

        return messages;
    }

    public InstanceRow? LoadInstance(string instanceId)
    {
        using var reader = _instance.Bind(0, instanceId).Read();
        return reader.Read()
            ? new InstanceRow(instanceId, reader.GetString(0), reader.GetString(1), (OrchestrationRuntimeStatus)reader.GetInt32(2), reader.GetInt64(3))
            : null;
    }

    public List<HistoryEvent> LoadHistory(string instanceId)
    {
        var events = new List<HistoryEvent>();
        using var reader = _history.Bind(0, instanceId).Read();
        while (reader.Read())
        {
            events.Add(new HistoryEvent(
                (HistoryEventKind)reader.GetInt32(0),
                new DateTime(reader.GetInt64(1), DateTimeKind.Utc),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                NullableString(reader, 3),
                NullableString(reader, 4),
                reader.IsDBNull(5) ? null : DurableJson.Deserialize<TaskFailureDetails>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : new DateTime(reader.GetInt64(6), DateTimeKind.Utc)));
        }

        return events;
    }

    public OrchestrationMetadata? LoadMetadata(string instanceId, bool withInputsAndOutputs)
    {
        using var reader = (withInputsAndOutputs ? _metadata : _status).Bind(0, instanceId).Read();
        return reader.Read() ? ReadMetadata(reader, withInputsAndOutputs) : null;
    }

    public List<string> LoadDueInstances(long after, long upTo)
    {
        var ids = new List<string>();
        using var reader = _due.Bind(0, after).Bind(1, upTo).Read();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public long? LoadNextDue(long after)
    {
        return _nextDue.Bind(0, after).ScalarInt64();
    }

    public List<ActivityWorkItem> LoadPendingActivities()
    {
        var items = new List<ActivityWorkItem>();
        using var command = new PreparedCommand(_connection, "SELECT id, instance_id, execution_id, task_id, name, input FROM activities ORDER BY id;");
        using var reader = command.Read();
        while (reader.Read())
        {
            items.Add(new ActivityWorkItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), NullableString(reader, 5)));
        }

        return items;
    }

    public OrchestrationQueryResult Query(OrchestrationQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (query.ContinuationToken is { } after)
        {
            where.Add("instance_id > $after");
            parameters.Add(("$after", after));
        }

        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            // A range on the unique index of instance ids: ids compare as UTF-8 bytes, so every id with the prefix lies
            // between the prefix and the prefix with its last byte raised by one (UTF-8 never uses 0xFF).
            var upper = System.Text.Encoding.UTF8.GetBytes(prefix);
            upper[^1]++;
            where.Add("instance_id >= $prefix AND instance_id < CAST($upper AS TEXT)");
            parameters.Add(("$prefix", prefix));
            parameters.Add(("$upper", upper));
        }

        if (query.CreatedFrom is { } from)
        {
            where.Add("created_at >= $from");
            parameters.Add(("$from", from.UtcTicks));
        }

        if (query.CreatedTo is { } to)
        {
            where.Add("created_at < $to");
            parameters.Add(("$to", to.UtcTicks));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            where.Add($"status IN ({string.Join(", ", statuses.Select(s => (int)s))})");
        }

        var filter = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
        parameters.Add(("$limit", (long)query.PageSize + 1));
        using var command = new PreparedCommand(
            _connection, $"SELECT {(query.FetchInputsAndOutputs ? MetadataColumns : StatusColumns)} FROM instances {filter} ORDER BY instance_id LIMIT $limit;", [.. parameters.Select(p => p.Name)]);
        for (var i = 0; i < parameters.Count; i++)
        {
            _ = parameters[i].Value switch
            {
                string text => command.Bind(i, text),
                long number => command.Bind(i, number),
                byte[] bytes => command.Bind(i, bytes),
                var other => throw new InvalidOperationException($"No binding for a {other.GetType().Name}."),
            };
        }

        var page = new List<OrchestrationMetadata>(Math.Min(query.PageSize, 1024));
        var more = false;
        using (var reader = command.Read())
        {
            while (reader.Read())
            {
                if (page.Count == query.PageSize)
                {
                    more = true;
                    break;
                }

                page.Add(ReadMetadata(reader, query.FetchInputsAndOutputs));
            }
        }

        return new OrchestrationQueryResult(page, more ? page[^1].InstanceId : null);
    }

    public List<string> LoadIds(string sql, long now)
    {
        var ids = new List<string>();
        using var command = new PreparedCommand(_connection, sql, "$now");
        using var reader = command.Bind(0, now).Read();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void Dispose()
    {
        _messages.Dispose();
        _instance.Dispose();
        _history.Dispose();
        _status.Dispose();
        _metadata.Dispose();
        _due.Dispose();
        _nextDue.Dispose();
        _connection.Dispose();
    }

    private static OrchestrationMetadata ReadMetadata(PreparedCommand.StatementReader reader, bool withInputsAndOutputs) => new()
    {
        InstanceId = reader.GetString(0),
        Name = reader.GetString(1),
        RuntimeStatus = (OrchestrationRuntimeStatus)reader.GetInt32(2),
        CreatedAt = new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
        FailureDetails = reader.IsDBNull(5) ? null : DurableJson.Deserialize<TaskFailureDetails>(reader.GetString(5)),
        SerializedCustomStatus = withInputsAndOutputs ? NullableString(reader, 6) : null,
        SerializedInput = withInputsAndOutputs ? NullableString(reader, 7) : null,
        SerializedOutput = withInputsAndOutputs ? NullableString(reader, 8) : null,
    };

    private static string? NullableString(PreparedCommand.StatementReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
