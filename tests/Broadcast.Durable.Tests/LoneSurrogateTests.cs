using Broadcast.Durable.Storage;
using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Tests;

public sealed class LoneSurrogateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    // An id the client accepts (not empty, no control character) that is not well-formed UTF-16.
    private const string Id = "sleeper-\uD800";

    [Fact]
    public async Task Timer_OfAnInstanceWhoseIdHasALoneSurrogate_Fires()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Sleep", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromSeconds(30), CancellationToken.None);
                return "woke";
            }), TestClock.Create());

        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", options: new StartOrchestrationOptions(Id));
        await engine.WaitForHistoryAsync(Id, h => h.Any(e => e.Kind == HistoryEventKind.TimerCreated), "the timer");
        engine.FakeClock.Advance(TimeSpan.FromSeconds(31));

        // The timer scan reads the id back from the file and looks the instance up by it.
        await Eventually.TrueAsync(
            async () => (await engine.Client.GetInstanceAsync(Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, "the timer to fire", seconds: 10);
    }

    [Fact]
    public void TextBinding_StoresTheSameBytesAsSqliteCommand()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var prepared = new PreparedCommand(connection, "SELECT hex($t);", "$t");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hex($t);";
        var parameter = command.Parameters.AddWithValue("$t", "");
        foreach (var text in new[] { Id, "\uD800x", "plain ünï 🎥" })
        {
            parameter.Value = text;
            using var reader = prepared.Bind(0, text).Read();
            reader.Read();
            Assert.Equal((string)command.ExecuteScalar()!, reader.GetString(0));
        }
    }
}
