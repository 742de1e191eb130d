using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Broadcast.Durable.Storage;

/// <summary>
/// A statement prepared once per connection and run many times with new parameter values, on SQLite's own API:
/// the engine runs a few statements thousands of times a second, and going through <see cref="SqliteCommand"/>
/// allocated a reader, a statement enumerator, a binder per parameter and a box per number at every run.
/// Errors are thrown as <see cref="SqliteException"/>, as <see cref="SqliteCommand"/> throws them.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    // As SqliteCommand's default CommandTimeout: how long a statement retries while the database is busy.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;
    private readonly StatementReader _reader;
    private bool _rowSeen;
    private bool _done;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _indexes = new int[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
            if (_indexes[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter {parameterNames[i]}.", nameof(parameterNames));
            }
        }

        _reader = new StatementReader(this);
    }

    public PreparedCommand Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, _indexes[index]));
            return this;
        }

        if (value.Length == 0)
        {
            // An empty span would bind NULL; the string overload binds "" as "".
            Check(raw.sqlite3_bind_text(_statement, _indexes[index], value));
            return this;
        }

        // UTF-8 from .NET's encoder, as SqliteCommand bound it: SQLite's own conversion treats a lone surrogate
        // differently, and an id read back would then not find its row. SQLite copies the bytes (SQLITE_TRANSIENT).
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(_statement, _indexes[index], buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return this;
    }

    public PreparedCommand Bind(int index, long? value)
    {
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, _indexes[index], number) : raw.sqlite3_bind_null(_statement, _indexes[index]));
        return this;
    }

    public PreparedCommand Bind(int index, byte[] value)
    {
        Check(raw.sqlite3_bind_blob(_statement, _indexes[index], value));
        return this;
    }

    /// <summary>Runs the statement to its end; the number of rows it changed.</summary>
    public int Run()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>The first column of the first row as an integer; null when there is no row or the value is NULL.</summary>
    public long? ScalarInt64()
    {
        using var reader = Read();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetInt64(0) : null;
    }

    /// <summary>The statement's rows; dispose the reader before the next run (one reader per command, reused).</summary>
    public StatementReader Read() => _reader;

    public void Dispose() => _statement.Dispose();

    /// <summary>
    /// Advances the statement: true at a row, false at the end. While the database is busy it starts the statement
    /// again, but only before its first row: a statement that failed busy changed nothing, a reader part-way did not.
    /// </summary>
    private bool Step()
    {
        // Stepping past the end would start the statement over.
        if (_done)
        {
            return false;
        }

        DateTime? deadline = null;
        while (true)
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                _rowSeen = true;
                return true;
            }

            if (rc == raw.SQLITE_DONE)
            {
                _done = true;
                return false;
            }

            deadline ??= DateTime.UtcNow + BusyTimeout;
            if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && !_rowSeen && DateTime.UtcNow < deadline)
            {
                raw.sqlite3_reset(_statement);
                Thread.Sleep(1);
                continue;
            }

            Check(rc);
        }
    }

    private void Reset()
    {
        _rowSeen = false;
        _done = false;
        raw.sqlite3_reset(_statement);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    /// <summary>The rows of one run of a <see cref="PreparedCommand"/>; disposing it resets the statement for the next run.</summary>
    internal sealed class StatementReader(PreparedCommand command) : IDisposable
    {
        public bool Read() => command.Step();

        public bool IsDBNull(int column) => raw.sqlite3_column_type(command._statement, column) == raw.SQLITE_NULL;

        public int GetInt32(int column) => raw.sqlite3_column_int(command._statement, column);

        public long GetInt64(int column) => raw.sqlite3_column_int64(command._statement, column);

        /// <summary>The column's text, all of it: a NUL inside it does not end it (it did not end it when bound either).</summary>
        public string GetString(int column) => IsDBNull(column)
            ? throw new InvalidCastException($"Column {column} is NULL.")
            : Encoding.UTF8.GetString(raw.sqlite3_column_blob(command._statement, column));

        public void Dispose() => command.Reset();
    }
}
