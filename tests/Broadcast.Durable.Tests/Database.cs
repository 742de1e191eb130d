using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Tests;

/// <summary>Direct reads of the engine's file, for facts the client does not show (queued messages).</summary>
public static class Database
{
    public static long CountTimerMessages(string path, string instanceId) =>
        Count(path, "SELECT count(*) FROM messages WHERE instance_id = $i AND kind = 5;", instanceId);

    public static long CountMessages(string path, string instanceId) =>
        Count(path, "SELECT count(*) FROM messages WHERE instance_id = $i;", instanceId);

    public static long CountActivities(string path, string instanceId) =>
        Count(path, "SELECT count(*) FROM activities WHERE instance_id = $i;", instanceId);

    /// <summary>Moves the instance row's version on behind the engine's back, as a write the engine did not make would.</summary>
    public static void BumpVersion(string path, string instanceId)
    {
        using var command = Open(path, "UPDATE instances SET version = version + 1 WHERE instance_id = $i;", instanceId);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"No instance row '{instanceId}'.");
        }
    }

    /// <summary>
    /// Makes every write of history rows and messages for <paramref name="instanceId"/> fail inside SQLite, as a full
    /// disk or an I/O error would, until the returned fault is disposed.
    /// </summary>
    public static IDisposable FailWritesOf(string path, string instanceId)
    {
        Execute(path, """
            CREATE TABLE test_fault (on_for TEXT);
            INSERT INTO test_fault VALUES ($i);
            CREATE TRIGGER test_fault_history BEFORE INSERT ON history WHEN NEW.instance_id IN (SELECT on_for FROM test_fault)
            BEGIN SELECT RAISE(ABORT, 'test fault: write refused'); END;
            CREATE TRIGGER test_fault_messages BEFORE INSERT ON messages WHEN NEW.instance_id IN (SELECT on_for FROM test_fault)
            BEGIN SELECT RAISE(ABORT, 'test fault: write refused'); END;
            """, instanceId);
        return new Fault(() => Execute(path, "DROP TRIGGER test_fault_history; DROP TRIGGER test_fault_messages; DROP TABLE test_fault;", instanceId));
    }

    private static void Execute(string path, string sql, string instanceId)
    {
        using var command = Open(path, sql, instanceId);
        command.ExecuteNonQuery();
    }

    private sealed class Fault(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private static long Count(string path, string sql, string instanceId)
    {
        using var command = Open(path, sql, instanceId);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A command on a connection of its own, which it closes when disposed.</summary>
    private static SqliteCommand Open(string path, string sql, string instanceId)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$i", instanceId);
        command.Disposed += (_, _) => connection.Dispose();
        return command;
    }
}
