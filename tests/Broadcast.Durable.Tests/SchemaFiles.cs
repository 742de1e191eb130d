using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Tests;

/// <summary>
/// Reads and rewrites an engine's file behind its back. <see cref="RewriteAsVersion1"/> gives it the layout of schema
/// version 1 (instances and history keyed by instance id, WITHOUT ROWID, in their old column order) with its rows
/// unchanged: the file as an older engine would have left it.
/// </summary>
public static class SchemaFiles
{
    private const string Version1Layout = """
        BEGIN IMMEDIATE;
        ALTER TABLE instances RENAME TO instances_now;
        ALTER TABLE history RENAME TO history_now;
        DROP INDEX ix_instances_created;
        DROP INDEX ix_history_instance;
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
        INSERT INTO instances SELECT instance_id, name, execution_id, status, input, output, custom_status, failure, created_at, last_updated_at, completed_at, version FROM instances_now;
        INSERT INTO history SELECT instance_id, seq, kind, timestamp, task_id, name, data, failure, fire_at FROM history_now;
        DROP TABLE instances_now;
        DROP TABLE history_now;
        PRAGMA user_version = 1;
        COMMIT;
        """;

    public static void RewriteAsVersion1(string path) => Execute(path, Version1Layout);

    public static long UserVersion(string path) => (long)Execute(path, "PRAGMA user_version;", scalar: true)!;

    /// <summary>True when the table is keyed by its primary key (WITHOUT ROWID), as version 1 kept instances and history.</summary>
    public static bool IsWithoutRowid(string path, string table) =>
        ((string)Execute(path, $"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '{table}';", scalar: true)!)
            .Contains("WITHOUT ROWID", StringComparison.Ordinal);

    public static void SetUserVersion(string path, int version) => Execute(path, $"PRAGMA user_version = {version};");

    private static object? Execute(string path, string sql, bool scalar = false)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }
}
