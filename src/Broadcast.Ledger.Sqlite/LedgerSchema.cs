using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Broadcast.Ledger.Sqlite;

/// <summary>
/// The ledger's one table. An entry is a JSON document with the columns its queries need beside it; times are UTC
/// ticks. The schema version is the file's <c>user_version</c>, which is why the ledger has a file of its own.
/// </summary>
internal static class LedgerSchema
{
    public const int CurrentVersion = 1;

    private const string Version1 = """
        CREATE TABLE leak_entries (
            session_id TEXT    NOT NULL,
            kind       TEXT    NOT NULL,
            is_open    INTEGER NOT NULL,
            opened_at  INTEGER NOT NULL,
            closed_at  INTEGER,
            version    INTEGER NOT NULL,
            document   TEXT    NOT NULL,
            PRIMARY KEY (session_id, kind)
        ) WITHOUT ROWID;
        CREATE INDEX ix_leak_entries_open ON leak_entries (is_open, opened_at);
        CREATE INDEX ix_leak_entries_closed ON leak_entries (closed_at) WHERE is_open = 0;
        PRAGMA user_version = 1;
        """;

    /// <summary>Creates the table in a new file; refuses a file of a newer version or one that is not a ledger.</summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version == CurrentVersion)
        {
            return;
        }

        if (version > CurrentVersion)
        {
            throw new InvalidOperationException($"The ledger database '{path}' has schema version {version}, newer than this ledger supports ({CurrentVersion}).");
        }

        var tables = Convert.ToInt32(Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table';"), CultureInfo.InvariantCulture);
        if (tables > 0)
        {
            throw new InvalidOperationException(
                $"'{path}' already holds other tables: the leak ledger needs a file of its own (Ledger:DatabasePath).");
        }

        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = Version1;
            create.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
