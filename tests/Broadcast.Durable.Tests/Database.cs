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

    private static long Count(string path, string sql, string instanceId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$i", instanceId);
        return (long)command.ExecuteScalar()!;
    }
}
