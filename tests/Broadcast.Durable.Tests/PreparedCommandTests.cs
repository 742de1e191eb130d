using Broadcast.Durable.Storage;
using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Tests;

public sealed class PreparedCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly SqliteConnection connection;

    public PreparedCommandTests()
    {
        connection = Open();
        Schema.Execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, number INTEGER);");
    }

    [Fact]
    public void Values_RoundTripThroughRunsOfOneStatement()
    {
        using var insert = new PreparedCommand(connection, "INSERT INTO t (id, text, number) VALUES ($id, $text, $n);", "$id", "$text", "$n");
        using var select = new PreparedCommand(connection, "SELECT text, number FROM t WHERE id = $id;", "$id");
        const string hostile = "ünïcødé \u0001\t\n 🎥 日本語";

        Assert.Equal(1, insert.Bind(0, 1).Bind(1, hostile).Bind(2, long.MinValue).Run());
        Assert.Equal(1, insert.Bind(0, 2).Bind(1, (string?)null).Bind(2, (long?)null).Run());
        Assert.Equal(1, insert.Bind(0, 3).Bind(1, "").Bind(2, 0).Run());

        using (var row = select.Bind(0, 1).Read())
        {
            Assert.True(row.Read());
            Assert.Equal(hostile, row.GetString(0));
            Assert.Equal(long.MinValue, row.GetInt64(1));
            Assert.False(row.Read());
        }

        using (var row = select.Bind(0, 2).Read())
        {
            Assert.True(row.Read());
            Assert.True(row.IsDBNull(0));
            Assert.True(row.IsDBNull(1));
            Assert.Throws<InvalidCastException>(() => row.GetString(0));
        }

        using (var row = select.Bind(0, 3).Read())
        {
            Assert.True(row.Read());
            Assert.False(row.IsDBNull(0));
            Assert.Equal("", row.GetString(0));
        }
    }

    [Fact]
    public void LongValues_OfOneRun_DoNotShareABuffer()
    {
        using var concat = new PreparedCommand(connection, "SELECT $a || '|' || $b;", "$a", "$b");
        var a = new string('a', 5_000) + "ä";
        var b = new string('b', 5_000) + "ö";

        using var row = concat.Bind(0, a).Bind(1, b).Read();

        Assert.True(row.Read());
        Assert.Equal(a + "|" + b, row.GetString(0));
    }

    [Fact]
    public void TextWithNul_IsStoredAndReadWhole()
    {
        using var select = new PreparedCommand(connection, "SELECT $t, length(CAST($t AS BLOB));", "$t");
        var text = new string('a', 600) + "\0tail";

        using var row = select.Bind(0, text).Read();

        Assert.True(row.Read());
        Assert.Equal(text, row.GetString(0));
        Assert.Equal(605, row.GetInt64(1));
    }

    [Fact]
    public void Reader_PastTheEnd_StaysAtTheEnd()
    {
        using var select = new PreparedCommand(connection, "SELECT 1;");
        using var row = select.Read();

        Assert.True(row.Read());
        Assert.False(row.Read());
        Assert.False(row.Read());
    }

    [Fact]
    public void Run_CountsChangedRows_AndScalarReadsTheFirstValue()
    {
        using var insert = new PreparedCommand(connection, "INSERT INTO t (number) VALUES ($n) RETURNING id;", "$n");
        using var update = new PreparedCommand(connection, "UPDATE t SET number = number + 1 WHERE number >= $n;", "$n");
        using var max = new PreparedCommand(connection, "SELECT max(number) FROM t WHERE number > $n;", "$n");

        var first = insert.Bind(0, 10).ScalarInt64();
        var second = insert.Bind(0, 20).ScalarInt64();

        Assert.Equal(first + 1, second);
        Assert.Equal(2, update.Bind(0, 10).Run());
        Assert.Equal(0, update.Bind(0, 100).Run());
        Assert.Equal(21, max.Bind(0, 0).ScalarInt64());
        Assert.Null(max.Bind(0, 1_000).ScalarInt64());
    }

    [Fact]
    public void FailedStatement_ThrowsSqliteException_AndStaysUsable()
    {
        using var insert = new PreparedCommand(connection, "INSERT INTO t (id, number) VALUES ($id, 1);", "$id");
        insert.Bind(0, 7).Run();

        var failure = Assert.Throws<SqliteException>(() => insert.Bind(0, 7).Run());

        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, insert.Bind(0, 8).Run());
    }

    [Fact]
    public void UnknownParameter_IsRefusedWhenPrepared()
    {
        var failure = Assert.Throws<ArgumentException>(() => new PreparedCommand(connection, "SELECT $a;", "$b"));

        Assert.Contains("$b", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusyDatabase_IsRetriedUntilTheLockIsReleased()
    {
        using var holder = Open();
        Schema.Execute(holder, "BEGIN EXCLUSIVE;");
        Schema.Execute(holder, "INSERT INTO t (id, number) VALUES (1, 42);");
        using var select = new PreparedCommand(connection, "SELECT number FROM t WHERE id = $id;", "$id");
        var release = Task.Run(async () =>
        {
            await Task.Delay(200);
            Schema.Execute(holder, "COMMIT;");
        });

        // Started while the other connection holds the file's exclusive lock: without the retry this fails SQLITE_BUSY.
        var number = select.Bind(0, 1).ScalarInt64();

        await release;
        Assert.Equal(42, number);
    }

    public void Dispose()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    // A rollback journal, not WAL: readers then wait for a writer's exclusive lock, which the busy test needs.
    private SqliteConnection Open()
    {
        var opened = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = folder.DatabasePath,
            Pooling = false,
            DefaultTimeout = 1,
        }.ToString());
        opened.Open();
        return opened;
    }
}
