using Broadcast.Durable.Commands;
using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Execution;
using Broadcast.Durable.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadcast.Durable.Tests;

public sealed class StepCommandTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AStepWithAnActivitysResult_DeletesItsWorkItem_AndIsRefusedWhole_OnceTheWorkItemIsGone()
    {
        using var writer = OpenWriter();
        var signals = new NoSignals();
        var item = await PendingActivityAsync(writer);

        await writer.Submit(new StepCommand(signals, "i", 1, Plan(), Outcome(), completes: item)).WaitAsync(Deadline);
        Assert.Equal((0L, 2L, 2L), Counts());

        // Applied once: a second step with the same result changes nothing, though its version matches.
        await Assert.ThrowsAsync<StepConflictException>(
            () => writer.Submit(new StepCommand(signals, "i", 2, Plan(), Outcome(), completes: item)).WaitAsync(Deadline));
        Assert.Equal((0L, 2L, 2L), Counts());
    }

    [Fact]
    public async Task AnInlineStep_IsRefusedWhole_WhileAMessageOfItsInstanceIsVisible_ButNotForOneDueLater()
    {
        using var writer = OpenWriter();
        var signals = new NoSignals();
        var item = await PendingActivityAsync(writer);
        var due = DateTime.UtcNow.AddHours(1).Ticks;
        await writer.Submit(new TimerCommand(due)).WaitAsync(Deadline);

        // A timer due in an hour does not hold the step back.
        await writer.Submit(new StepCommand(signals, "i", 1, Plan(), Outcome(), completes: item, inline: true)).WaitAsync(Deadline);
        Assert.Equal((0L, 2L, 2L), Counts());

        // A timer already due does: the ordinary step must see it first.
        await writer.Submit(new TimerCommand(DateTime.UtcNow.AddSeconds(-1).Ticks)).WaitAsync(Deadline);
        await Assert.ThrowsAsync<StepConflictException>(
            () => writer.Submit(new StepCommand(signals, "i", 2, Plan(), Outcome(), inline: true)).WaitAsync(Deadline));
        Assert.Equal((0L, 2L, 2L), Counts());
    }

    private StoreWriter OpenWriter()
    {
        var connection = SqliteFile.Open(_folder.DatabasePath, durableCommits: false);
        Schema.Ensure(connection, _folder.DatabasePath);
        return new StoreWriter(new WriteSession(connection, TimeProvider.System), maxBatch: 16, flusher: null, NullLogger.Instance);
    }

    /// <summary>Writes a running instance "i" at version 1 with one pending activity, and answers its work item.</summary>
    private static async Task<ActivityWorkItem> PendingActivityAsync(StoreWriter writer) =>
        new(await writer.Submit(new SetUpCommand()).WaitAsync(Deadline), "i", "e", 0, "Echo", null);

    private static StepPlan Plan() => new() { RunsCode = true, ExecutionId = "e", Name = "Orch" };

    private static StepOutcome Outcome() => new()
    {
        Status = OrchestrationRuntimeStatus.Running,
        NewEvents = [new HistoryEvent(HistoryEventKind.OrchestratorStarted, DateTime.UtcNow), new HistoryEvent(HistoryEventKind.TaskCompleted, DateTime.UtcNow, 0, "Echo")],
    };

    /// <summary>Pending activities, the instance's version, and history rows.</summary>
    private (long Activities, long Version, long History) Counts()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM activities), (SELECT version FROM instances WHERE instance_id = 'i'),
                   (SELECT count(*) FROM history WHERE instance_id = 'i');
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>A running instance at version 1 with one pending activity; answers the activity's id.</summary>
    private sealed class SetUpCommand : WriteCommand<long>
    {
        public override string MetricName => "setup";

        public override void Execute(WriteSession session)
        {
            session.UpsertInstance("i", "Orch", "e", null, session.NowTicks, 1);
            Result = session.InsertActivity("i", "e", 0, "Echo", null);
        }
    }

    /// <summary>A timer message of the instance, visible at <paramref name="dueTicks"/>.</summary>
    private sealed class TimerCommand(long dueTicks) : WriteCommand<bool>
    {
        public override string MetricName => "timer";

        public override void Execute(WriteSession session) =>
            session.InsertMessage(new InboxMessage(0, "i", MessageKind.TimerFired, dueTicks, "e", 1));
    }

    private sealed class NoSignals : IWorkSignals
    {
        public void InstanceReady(string instanceId, bool urgent = false)
        {
        }

        public void MessageDue(string instanceId, long visibleAt)
        {
        }

        public void ActivitiesScheduled(IReadOnlyList<ActivityWorkItem> items)
        {
        }

        public void InstanceFinished(string instanceId)
        {
        }

        public void InstanceRemoved(string instanceId)
        {
        }
    }
}
