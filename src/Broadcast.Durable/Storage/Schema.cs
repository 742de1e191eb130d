using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Storage;

/// <summary>The database schema and its version (SQLite <c>user_version</c>).</summary>
internal static class Schema
{
    public const int CurrentVersion = 1;

    // Times are UTC DateTime ticks. Messages are the inbox of instances: a timer is a TimerFired message
    // that becomes visible at its due time, a delayed start an ExecutionStarted message.
    private const string Version1 = """
        CREATE TABLE instances (
            instance_id     TEXT    NOT NULL PRIMARY KEY,
            name            TEXT    NOT NULL,
            execution_id    TEXT    NOT NULL,
            status          INTEGER NOT NULL,
            input           TEXT,
            output          TEXT,
            custom_status   TEXT,
            failure         TEXT,
            created_at      INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            completed_at    INTEGER,
            version         INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_instances_created ON instances (created_at);
        CREATE TABLE history (
            instance_id TEXT    NOT NULL,
            seq         INTEGER NOT NULL,
            kind        INTEGER NOT NULL,
            timestamp   INTEGER NOT NULL,
            task_id     INTEGER,
            name        TEXT,
            data        TEXT,
            failure     TEXT,
            fire_at     INTEGER,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE messages (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id  TEXT    NOT NULL,
            kind         INTEGER NOT NULL,
            execution_id TEXT,
            task_id      INTEGER,
            name         TEXT,
            data         TEXT,
            failure      TEXT,
            visible_at   INTEGER NOT NULL,
            carried_over INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_messages_instance ON messages (instance_id, id);
        CREATE INDEX ix_messages_visible ON messages (visible_at);
        CREATE TABLE activities (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id  TEXT    NOT NULL,
            execution_id TEXT    NOT NULL,
            task_id      INTEGER NOT NULL,
            name         TEXT    NOT NULL,
            input        TEXT
        );
        CREATE INDEX ix_activities_instance ON activities (instance_id);
        """;

    /// <summary>Creates the schema on a new file; refuses a file written by a newer engine.</summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(Execute(connection, "PRAGMA user_version;", scalar: true), System.Globalization.CultureInfo.InvariantCulture);
        if (version == CurrentVersion)
        {
            return;
        }

        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database '{path}' has schema version {version}, newer than this engine supports ({CurrentVersion}).");
        }

        Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            Execute(connection, Version1);
            Execute(connection, $"PRAGMA user_version = {CurrentVersion};");
            Execute(connection, "COMMIT;");
        }
        catch
        {
            Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    public static object? Execute(SqliteConnection connection, string sql, bool scalar = false)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }
}
