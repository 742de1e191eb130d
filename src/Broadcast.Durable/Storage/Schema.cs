using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Storage;

/// <summary>The database schema and its version (SQLite <c>user_version</c>).</summary>
internal static class Schema
{
    public const int CurrentVersion = 2;

    // Times are UTC DateTime ticks. Messages are the inbox of instances: a timer is a TimerFired message
    // that becomes visible at its due time, a delayed start an ExecutionStarted message.
    //
    // Instances and history are rowid tables, not keyed by the instance id, for what each step writes:
    // - an instance row (a few KB: input, custom status) stays on its leaf page while it fits (up to about 4 KB);
    //   keyed by its id, SQLite keeps at most about 1 KB of a row on the leaf and rewrote the rest as a new overflow
    //   chain at every step;
    // - history rows are appended in commit order, so the steps of one commit share the pages they fill; keyed by
    //   instance, each step also dirtied a page of its own in the middle of the table. Only the small index entry
    //   lands in the middle now;
    // - small columns come first and large ones last: a status read (every signal) stops before the large ones.
    private const string Tables = """
        CREATE TABLE instances (
            instance_id     TEXT    NOT NULL UNIQUE,
            name            TEXT    NOT NULL,
            execution_id    TEXT    NOT NULL,
            status          INTEGER NOT NULL,
            created_at      INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            completed_at    INTEGER,
            version         INTEGER NOT NULL,
            failure         TEXT,
            custom_status   TEXT,
            input           TEXT,
            output          TEXT
        );
        CREATE INDEX ix_instances_created ON instances (created_at);
        CREATE TABLE history (
            instance_id TEXT    NOT NULL,
            seq         INTEGER NOT NULL,
            kind        INTEGER NOT NULL,
            timestamp   INTEGER NOT NULL,
            task_id     INTEGER,
            fire_at     INTEGER,
            name        TEXT,
            failure     TEXT,
            data        TEXT
        );
        CREATE UNIQUE INDEX ix_history_instance ON history (instance_id, seq);
        """;

    private const string Queues = """
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

    // Version 1 kept instances and history in tables keyed by instance id (WITHOUT ROWID); its messages and
    // activities are as they are now. The rows move over as they are.
    private const string FromVersion1 = $"""
        ALTER TABLE instances RENAME TO instances_v1;
        ALTER TABLE history RENAME TO history_v1;
        DROP INDEX ix_instances_created;
        {Tables}
        INSERT INTO instances (instance_id, name, execution_id, status, created_at, last_updated_at, completed_at, version, failure, custom_status, input, output)
            SELECT instance_id, name, execution_id, status, created_at, last_updated_at, completed_at, version, failure, custom_status, input, output
            FROM instances_v1 ORDER BY instance_id;
        INSERT INTO history (instance_id, seq, kind, timestamp, task_id, fire_at, name, failure, data)
            SELECT instance_id, seq, kind, timestamp, task_id, fire_at, name, failure, data FROM history_v1 ORDER BY instance_id, seq;
        DROP TABLE instances_v1;
        DROP TABLE history_v1;
        """;

    /// <summary>Creates the schema on a new file, upgrades a file of an older engine, refuses one of a newer engine.</summary>
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
            Execute(connection, version switch
            {
                0 => Tables + Queues,
                1 => FromVersion1,
                _ => throw new InvalidOperationException($"The database '{path}' has schema version {version}, which no engine wrote."),
            });
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
