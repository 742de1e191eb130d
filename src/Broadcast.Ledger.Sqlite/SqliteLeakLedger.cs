using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Broadcast.Ledger.Sqlite;

/// <summary>
/// The leak ledger on a SQLite file (WAL). Reads take a short connection from the pool; writes go to one writer
/// connection that commits concurrent writes together (group commit), and a write returns once it is on disk. Every
/// write is one statement guarded by the version it read, so the activities and the sweeper never overwrite each other.
/// </summary>
public sealed class SqliteLeakLedger : ILeakLedger, IDisposable
{
    private const string Columns = "session_id, kind, is_open, opened_at, closed_at, version, document";
    private readonly string connectionString;
    private readonly LedgerWriter writer;
    private readonly Lock schemaGate = new();
    private readonly ILogger logger;
    private volatile bool schemaReady;

    /// <summary>Creates the ledger; the file and its table are created on first use.</summary>
    public SqliteLeakLedger(IOptions<SqliteLeakLedgerOptions> options, ILogger<SqliteLeakLedger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var path = Path.GetFullPath(settings.DatabasePath);
        DatabasePath = path;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        };
        connectionString = builder.ToString();
        this.logger = logger ?? NullLogger<SqliteLeakLedger>.Instance;
        // The writer holds its connection for the ledger's life: a pooled one would only be shared with nobody.
        builder.Pooling = false;
        writer = new LedgerWriter(builder.ToString(), settings.DurableCommits, this.logger);
    }

    /// <summary>The full path of the ledger's file.</summary>
    public string DatabasePath { get; }

    /// <summary>Write transactions committed so far (each may hold many writes).</summary>
    internal long Commits => writer.Commits;

    /// <inheritdoc />
    public async Task<LeakEntry?> GetAsync(string sessionId, LeakKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM leak_entries WHERE session_id = $session AND kind = $kind;",
            ("$session", sessionId), ("$kind", kind.ToString()));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeakEntry>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM leak_entries WHERE session_id = $session ORDER BY kind;",
            ("$session", sessionId));
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LeakEntry>> ListAsync(LeakListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, LeakListQuery.MaxLimit, nameof(query));
        await using var connection = await OpenAsync(cancellationToken);
        var conditions = new List<string>(2);
        if (!query.IncludeClosed)
        {
            conditions.Add("is_open = 1");
        }

        var parameters = new List<(string, object?)> { ("$limit", query.Limit) };
        if (query.After is { } after)
        {
            // Kinds are stored by name, and their names sort as the kinds do (Push before Recording).
            conditions.Add("(opened_at, session_id, kind) > ($after_opened, $after_session, $after_kind)");
            parameters.Add(("$after_opened", after.OpenedAt.UtcTicks));
            parameters.Add(("$after_session", after.SessionId));
            parameters.Add(("$after_kind", after.Kind.ToString()));
        }

        var filter = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var command = Command(connection,
            $"SELECT {Columns} FROM leak_entries {filter} ORDER BY opened_at, session_id, kind LIMIT $limit;", [.. parameters]);
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*) FROM leak_entries WHERE is_open = 1;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<LeakEntry?> TryWriteAsync(LeakEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EnsureSchema();
        var values = new (string, object?)[]
        {
            ("$session", entry.SessionId),
            ("$kind", entry.Kind.ToString()),
            ("$open", entry.IsOpen ? 1 : 0),
            ("$opened", entry.OpenedAt.UtcTicks),
            ("$closed", entry.ClosedAt?.UtcTicks),
            ("$version", entry.Version),
            ("$document", DurableJson.Serialize(entry)),
        };
        var sql = entry.Version == 0
            ? $"INSERT INTO leak_entries ({Columns}) VALUES ($session, $kind, $open, $opened, $closed, 1, $document) ON CONFLICT DO NOTHING;"
            : """
              UPDATE leak_entries SET is_open = $open, opened_at = $opened, closed_at = $closed, version = version + 1, document = $document
              WHERE session_id = $session AND kind = $kind AND version = $version;
              """;
        return await writer.ExecuteAsync(sql, values, cancellationToken) == 1 ? entry with { Version = entry.Version + 1 } : null;
    }

    /// <inheritdoc />
    public async Task<int> DeleteClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken)
    {
        EnsureSchema();
        return await writer.ExecuteAsync("DELETE FROM leak_entries WHERE is_open = 0 AND closed_at < $before;",
            [("$before", closedBefore.UtcTicks)], cancellationToken);
    }

    /// <summary>Commits the queued writes and closes the writer's connection; later writes are refused.</summary>
    public void Dispose() => writer.Dispose();

    /// <summary>
    /// Creates or checks the ledger's file now, so a host refuses to start on a file it cannot use instead of failing
    /// every start call later; the error names the setting.
    /// </summary>
    public void Open()
    {
        try
        {
            EnsureSchema();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{SqliteLeakLedgerOptions.SectionName}:DatabasePath '{DatabasePath}' cannot be used as the leak ledger's database: {e.Message}", e);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureSchema();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the file and table once; a failure is tried again by the next call (not remembered, as a Lazy would).</summary>
    private void EnsureSchema()
    {
        if (schemaReady)
        {
            return;
        }

        lock (schemaGate)
        {
            if (schemaReady)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL;");
            LedgerSchema.Ensure(connection, DatabasePath);
            Log.Opened(logger, DatabasePath);
            schemaReady = true;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<IReadOnlyList<LeakEntry>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<LeakEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = DurableJson.Deserialize<LeakEntry>(reader.GetString(6))
                ?? throw new InvalidDataException($"The ledger entry of '{reader.GetString(0)}' ({reader.GetString(1)}) is empty.");
            entries.Add(document with { Version = reader.GetInt64(5) });
        }

        return entries;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
