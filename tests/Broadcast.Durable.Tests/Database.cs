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
