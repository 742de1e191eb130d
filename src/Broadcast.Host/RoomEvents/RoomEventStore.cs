using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// The room events already received (by id, for the retention window) and the latest one per room and user, in their
/// own SQLite file. Callers hold <see cref="LockAsync"/> across a read and the write that depends on it, so deciding
/// what to do with an event and recording it is one step for every other caller.
/// </summary>
internal sealed class RoomEventStore(IOptions<WebhookOptions> options) : IDisposable
{
    private const string SchemaSql = """
        PRAGMA journal_mode = WAL;
        PRAGMA busy_timeout = 30000;
        CREATE TABLE IF NOT EXISTS room_events (
            event_id TEXT NOT NULL PRIMARY KEY,
            room_id INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            event_time INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            disposition TEXT NOT NULL,
            sessions TEXT NOT NULL,
            held_until INTEGER NULL,
            reason TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS room_events_received_at ON room_events (received_at);
        CREATE TABLE IF NOT EXISTS room_latest (
            room_id INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            event_time INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            held_until INTEGER NULL,
            PRIMARY KEY (room_id, user_id)
        ) WITHOUT ROWID;
        """;

    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;

    /// <summary>The store to oneself until the lease is disposed.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Lease(gate);
    }

    /// <summary>
    /// Opens (or creates) the store's file now, so a host refuses to start on a file it cannot use instead of failing
    /// every webhook call later; the error names the setting.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var lease = await LockAsync(cancellationToken);
        try
        {
            Open();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{WebhookOptions.SectionName}:DatabasePath '{Path.GetFullPath(options.Value.DatabasePath!)}' cannot be used as the room events' database: {e.Message}", e);
        }
    }

    /// <summary>The receipt of an event id already received, or null.</summary>
    public async Task<RoomEventReceipt?> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT event_id, event_type, room_id, user_id, event_time, received_at, disposition, sessions, held_until, reason
            FROM room_events WHERE event_id = $id;
            """, ("$id", eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RoomEventReceipt(
            reader.GetString(0),
            Enum.Parse<RoomEventType>(reader.GetString(1)),
            (uint)reader.GetInt64(2),
            reader.GetString(3),
            Time(reader.GetInt64(4)),
            Time(reader.GetInt64(5)),
            Enum.Parse<RoomEventDisposition>(reader.GetString(6)),
            JsonSerializer.Deserialize<string[]>(reader.GetString(7)) ?? [],
            reader.IsDBNull(8) ? null : Time(reader.GetInt64(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9));
    }

    /// <summary>The latest event processed for a room and user, or null.</summary>
    public async Task<LatestRoomEvent?> LatestAsync(uint roomId, string userId, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            SELECT event_id, event_type, event_time, held_until FROM room_latest WHERE room_id = $room AND user_id = $user;
            """, ("$room", (long)roomId), ("$user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LatestRoomEvent(reader.GetString(0), Enum.Parse<RoomEventType>(reader.GetString(1)), Time(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : Time(reader.GetInt64(3)))
            : null;
    }

    /// <summary>Records a new event; unless it is stale, it becomes the latest of its room and user.</summary>
    public async Task SaveAsync(RoomEventReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var db = Open();
        await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken);
        await using (var insert = Command("""
            INSERT INTO room_events (event_id, room_id, user_id, event_type, event_time, received_at, disposition, sessions, held_until, reason)
            VALUES ($id, $room, $user, $type, $time, $received, $disposition, $sessions, $held, $reason);
            """,
            ("$id", receipt.EventId), ("$room", (long)receipt.RoomId), ("$user", receipt.UserId), ("$type", receipt.EventType.ToString()),
            ("$time", receipt.EventTime.UtcTicks), ("$received", receipt.ReceivedAt.UtcTicks), ("$disposition", receipt.Disposition.ToString()),
            ("$sessions", JsonSerializer.Serialize(receipt.Sessions)), ("$held", receipt.HeldUntil?.UtcTicks), ("$reason", receipt.Reason)))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (receipt.Disposition != RoomEventDisposition.Stale)
        {
            await using var latest = Command("""
                INSERT INTO room_latest (room_id, user_id, event_id, event_type, event_time, received_at, held_until)
                VALUES ($room, $user, $id, $type, $time, $received, $held)
                ON CONFLICT (room_id, user_id) DO UPDATE SET event_id = excluded.event_id, event_type = excluded.event_type,
                    event_time = excluded.event_time, received_at = excluded.received_at, held_until = excluded.held_until;
                """,
                ("$room", (long)receipt.RoomId), ("$user", receipt.UserId), ("$id", receipt.EventId), ("$type", receipt.EventType.ToString()),
                ("$time", receipt.EventTime.UtcTicks), ("$received", receipt.ReceivedAt.UtcTicks), ("$held", receipt.HeldUntil?.UtcTicks));
            latest.Transaction = transaction;
            await latest.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Forgets the events both received and stamped before <paramref name="cutoff"/>; returns how many were dropped.
    /// An event stamped ahead of its receipt is kept until its own time passes the cutoff: until then it is not too old
    /// to be taken, so a repeat of it must still be recognised.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            DELETE FROM room_events WHERE received_at < $cutoff AND event_time < $cutoff;
            DELETE FROM room_latest WHERE received_at < $cutoff AND event_time < $cutoff;
            """, ("$cutoff", cutoff.UtcTicks));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        connection?.Dispose();
        gate.Dispose();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Open().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private SqliteConnection Open()
    {
        if (connection is not null)
        {
            return connection;
        }

        var path = options.Value.DatabasePath ?? throw new InvalidOperationException("Webhooks:DatabasePath was not resolved.");
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var opened = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        opened.Open();
        using (var schema = opened.CreateCommand())
        {
            schema.CommandText = SchemaSql;
            schema.ExecuteNonQuery();
        }

        connection = opened;
        return opened;
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
