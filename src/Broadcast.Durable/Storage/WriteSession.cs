using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Storage;

/// <summary>The writer connection and its prepared statements; used only by the writer thread, inside a transaction.</summary>
internal sealed class WriteSession : IDisposable
{
    private readonly PreparedCommand _insertMessage;
    private readonly PreparedCommand _deleteMessage;
    private readonly PreparedCommand _deleteTimerMessage;
    private readonly PreparedCommand _deleteTaskMessages;
    private readonly PreparedCommand _deleteInstanceMessages;
    private readonly PreparedCommand _insertHistory;
    private readonly PreparedCommand _deleteHistory;
    private readonly PreparedCommand _insertActivity;
    private readonly PreparedCommand _deleteActivity;
    private readonly PreparedCommand _activityExists;
    private readonly PreparedCommand _visibleMessage;
    private readonly PreparedCommand _deleteInstanceActivities;
    private readonly PreparedCommand _readInstance;
    private readonly PreparedCommand _updateStep;
    private readonly PreparedCommand _upsertInstance;
    private readonly PreparedCommand _deleteInstance;
    private readonly List<PreparedCommand> _all;

    public WriteSession(SqliteConnection connection, TimeProvider clock)
    {
        Connection = connection;
        Clock = clock;
        _all =
        [
            _insertMessage = new(connection,
                "INSERT INTO messages (instance_id, kind, execution_id, task_id, name, data, failure, visible_at, carried_over) VALUES ($i, $k, $e, $t, $n, $d, $f, $v, $c);",
                "$i", "$k", "$e", "$t", "$n", "$d", "$f", "$v", "$c"),
            _deleteMessage = new(connection, "DELETE FROM messages WHERE id = $id;", "$id"),
            _deleteTimerMessage = new(connection, "DELETE FROM messages WHERE instance_id = $i AND kind = 5 AND task_id = $t;", "$i", "$t"),
            _deleteTaskMessages = new(connection, "DELETE FROM messages WHERE instance_id = $i AND kind IN (3, 4, 5);", "$i"),
            _deleteInstanceMessages = new(connection, "DELETE FROM messages WHERE instance_id = $i;", "$i"),
            _insertHistory = new(connection,
                "INSERT INTO history (instance_id, seq, kind, timestamp, task_id, name, data, failure, fire_at) VALUES ($i, $s, $k, $ts, $t, $n, $d, $f, $fa);",
                "$i", "$s", "$k", "$ts", "$t", "$n", "$d", "$f", "$fa"),
            _deleteHistory = new(connection, "DELETE FROM history WHERE instance_id = $i;", "$i"),
            _insertActivity = new(connection,
                "INSERT INTO activities (instance_id, execution_id, task_id, name, input) VALUES ($i, $e, $t, $n, $in) RETURNING id;",
                "$i", "$e", "$t", "$n", "$in"),
            _deleteActivity = new(connection, "DELETE FROM activities WHERE id = $id;", "$id"),
            _activityExists = new(connection, "SELECT 1 FROM activities WHERE id = $id;", "$id"),
            _visibleMessage = new(connection, "SELECT 1 FROM messages WHERE instance_id = $i AND visible_at <= $now LIMIT 1;", "$i", "$now"),
            _deleteInstanceActivities = new(connection, "DELETE FROM activities WHERE instance_id = $i;", "$i"),
            _readInstance = new(connection, "SELECT status, version FROM instances WHERE instance_id = $i;", "$i"),
            _updateStep = new(connection,
                """
                UPDATE instances SET status = $s, execution_id = $e, input = CASE WHEN $setin = 1 THEN $in ELSE input END, output = $o, custom_status = CASE WHEN $keepcs = 1 THEN custom_status ELSE $cs END,
                    failure = $f, last_updated_at = $now, completed_at = $done, version = version + 1
                WHERE instance_id = $i AND version = $v;
                """,
                "$i", "$v", "$s", "$e", "$in", "$o", "$cs", "$f", "$now", "$done", "$setin", "$keepcs"),
            _upsertInstance = new(connection,
                """
                INSERT OR REPLACE INTO instances (instance_id, name, execution_id, status, input, output, custom_status, failure, created_at, last_updated_at, completed_at, version)
                VALUES ($i, $n, $e, 0, $in, NULL, NULL, NULL, $now, $now, NULL, $v);
                """,
                "$i", "$n", "$e", "$in", "$now", "$v"),
            _deleteInstance = new(connection, "DELETE FROM instances WHERE instance_id = $i;", "$i"),
        ];
    }

    public SqliteConnection Connection { get; }

    public TimeProvider Clock { get; }

    public long NowTicks => Clock.GetUtcNow().UtcTicks;

    public void Execute(string sql) => Schema.Execute(Connection, sql);

    public void InsertMessage(InboxMessage m) => _insertMessage
        .Bind(0, m.InstanceId).Bind(1, (int)m.Kind).Bind(2, m.ExecutionId).Bind(3, m.TaskId).Bind(4, m.Name)
        .Bind(5, m.Data).Bind(6, m.Failure).Bind(7, m.VisibleAt).Bind(8, m.CarriedOver ? 1 : 0).Run();

    public void DeleteMessage(long id) => _deleteMessage.Bind(0, id).Run();

    public void DeleteTimerMessage(string instanceId, int taskId) => _deleteTimerMessage.Bind(0, instanceId).Bind(1, taskId).Run();

    /// <summary>Deletes results and timers of the previous execution (ContinueAsNew); events stay.</summary>
    public void DeleteTaskMessages(string instanceId) => _deleteTaskMessages.Bind(0, instanceId).Run();

    public void DeleteInstanceMessages(string instanceId) => _deleteInstanceMessages.Bind(0, instanceId).Run();

    public void InsertHistory(string instanceId, int seq, HistoryEvent e) => _insertHistory
        .Bind(0, instanceId).Bind(1, seq).Bind(2, (int)e.Kind).Bind(3, e.Timestamp.Ticks).Bind(4, e.TaskId).Bind(5, e.Name)
        .Bind(6, e.Data).Bind(7, e.Failure is null ? null : DurableJson.Serialize(e.Failure)).Bind(8, e.FireAt?.Ticks).Run();

    public void DeleteHistory(string instanceId) => _deleteHistory.Bind(0, instanceId).Run();

    public long InsertActivity(string instanceId, string executionId, int taskId, string name, string? input) =>
        _insertActivity.Bind(0, instanceId).Bind(1, executionId).Bind(2, taskId).Bind(3, name).Bind(4, input).ScalarInt64()!.Value;

    /// <summary>True when the activity was still pending (its result has not been applied).</summary>
    public bool DeleteActivity(long id) => _deleteActivity.Bind(0, id).Run() == 1;

    /// <summary>True when the activity is still pending.</summary>
    public bool ActivityExists(long id)
    {
        using var reader = _activityExists.Bind(0, id).Read();
        return reader.Read();
    }

    /// <summary>True when the instance has a message visible at <paramref name="now"/> (ticks).</summary>
    public bool HasVisibleMessage(string instanceId, long now)
    {
        using var reader = _visibleMessage.Bind(0, instanceId).Bind(1, now).Read();
        return reader.Read();
    }

    public void DeleteInstanceActivities(string instanceId) => _deleteInstanceActivities.Bind(0, instanceId).Run();

    /// <summary>The status and version of an instance, or null when it does not exist.</summary>
    public (OrchestrationRuntimeStatus Status, long Version)? ReadInstance(string instanceId)
    {
        using var reader = _readInstance.Bind(0, instanceId).Read();
        return reader.Read() ? ((OrchestrationRuntimeStatus)reader.GetInt32(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Updates the instance row if it still has <paramref name="version"/>; false when it changed.</summary>
    public bool UpdateStep(
        string instanceId, long version, OrchestrationRuntimeStatus status, string executionId, bool setInput, string? newInput,
        string? output, bool keepCustomStatus, string? customStatus, TaskFailureDetails? failure, long now, long? completedAt) =>
        _updateStep.Bind(0, instanceId).Bind(1, version).Bind(2, (int)status).Bind(3, executionId).Bind(4, newInput)
            .Bind(5, output).Bind(6, customStatus).Bind(7, failure is null ? null : DurableJson.Serialize(failure))
            .Bind(8, now).Bind(9, completedAt).Bind(10, setInput ? 1 : 0).Bind(11, keepCustomStatus ? 1 : 0).Run() == 1;

    public void UpsertInstance(string instanceId, string name, string executionId, string? input, long now, long version) =>
        _upsertInstance.Bind(0, instanceId).Bind(1, name).Bind(2, executionId).Bind(3, input).Bind(4, now).Bind(5, version).Run();

    public void DeleteInstance(string instanceId) => _deleteInstance.Bind(0, instanceId).Run();

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
