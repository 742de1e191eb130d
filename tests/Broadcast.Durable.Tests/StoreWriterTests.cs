using System.Diagnostics.Metrics;
using Broadcast.Durable.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcast.Durable.Tests;

public sealed class StoreWriterTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ACommandThatFailsItsBatch_FailsAlone_TheOthersCommit_AndEachWaitIsCountedOnce()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new EngineMetrics(factory);
        using var queued = new MetricCollector<double>(factory, DurableEngine.MeterName, "broadcast.durable.write.queue_time");
        using var answered = new MetricCollector<double>(factory, DurableEngine.MeterName, "broadcast.durable.write.commit_time");
        var connection = SqliteFile.Open(_folder.DatabasePath, durableCommits: false);
        Schema.Ensure(connection, _folder.DatabasePath);
        using var writer = new StoreWriter(new WriteSession(connection, TimeProvider.System), maxBatch: 16, flusher: null, NullLogger.Instance, metrics);

        // The writer holds the first command's transaction open while the next three queue up, so they share a batch.
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = writer.Submit(new ProbeCommand(session =>
        {
            Insert(session, "blocker");
            entered.Set();
            Assert.True(release.Wait(Deadline), "the test never released the writer");
        }));
        Assert.True(entered.Wait(Deadline), "the writer never ran the first command");
        var first = writer.Submit(new ProbeCommand(session => Insert(session, "first")));
        var bad = writer.Submit(new ProbeCommand(session =>
        {
            Insert(session, "bad");
            throw new InvalidOperationException("the bad command");
        }));
        var last = writer.Submit(new ProbeCommand(session => Insert(session, "last")));
        release.Set();

        await Task.WhenAll(blocker, first, last).WaitAsync(Deadline);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Deadline));
        Assert.Equal("the bad command", failure.Message);
        await writer.Submit(new ProbeCommand(session => Insert(session, "after"))).WaitAsync(Deadline);

        // The bad command's own row went with its rollback; the writer's batch of three committed two.
        Assert.Equal(["after", "blocker", "first", "last"], Instances(_folder.DatabasePath));
        Assert.Equal(5, queued.GetMeasurementSnapshot().Count);
        Assert.Equal(4, answered.GetMeasurementSnapshot().Count);
        Assert.All(queued.GetMeasurementSnapshot(), m => Assert.Equal("probe", m.Tags["command"]));
    }

    private static void Insert(WriteSession session, string instanceId) =>
        session.InsertMessage(new InboxMessage(0, instanceId, MessageKind.EventRaised, VisibleAt: 0, Name: "probe"));

    private static List<string> Instances(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id FROM messages ORDER BY instance_id;";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>A write whose body the test gives.</summary>
    private sealed class ProbeCommand(Action<WriteSession> body) : WriteCommand<bool>
    {
        public override string MetricName => "probe";

        public override void Execute(WriteSession session) => body(session);
    }
}
