using Broadcast.Durable.Dispatch;
using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Tests;

public sealed class PostedResultsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PostedResults_AreTakenOnce_AndPutBackAheadOfLaterOnes()
    {
        var posted = new PostedResults();
        posted.Post(Item(10, 0), "\"a\"", null);
        posted.Post(Item(11, 1), null, new TaskFailureDetails("X", "boom"));

        var taken = posted.Take("i")!;
        Assert.Null(posted.Take("i"));
        Assert.Equal([-10L, -11L], taken.Select(m => m.Id));
        Assert.Equal(MessageKind.TaskFailed, taken[1].Kind);

        posted.Post(Item(12, 2), "\"c\"", null);
        posted.PutBack("i", taken);
        Assert.Equal([-10L, -11L, -12L], posted.Take("i")!.Select(m => m.Id));
        Assert.Equal(0, posted.Count);
    }

    [Fact]
    public void Planner_AppliesAPostedResultOnce_DropsStaleOnes_AndConsumesThemAll()
    {
        var state = new InstanceState(
            new InstanceRow("i", "O", "e1", OrchestrationRuntimeStatus.Running, 3),
            [
                new HistoryEvent(HistoryEventKind.OrchestratorStarted, Now),
                new HistoryEvent(HistoryEventKind.ExecutionStarted, Now, Name: "O"),
                new HistoryEvent(HistoryEventKind.TaskScheduled, Now, 0, "A"),
                new HistoryEvent(HistoryEventKind.TaskScheduled, Now, 1, "A"),
                new HistoryEvent(HistoryEventKind.TaskCompleted, Now, 1, "A", "\"done\""),
            ]);
        var posted = new PostedResults();
        posted.Post(Item(20, 0), "\"first\"", null);
        posted.Post(Item(21, 0), "\"again\"", null);          // the same task ran twice
        posted.Post(Item(22, 1), "\"late\"", null);           // already completed
        posted.Post(Item(9, 0, "e0"), "\"old\"", null);       // an ended execution's
        var messages = new List<InboxMessage> { new(5, "i", MessageKind.EventRaised, 0, Name: "go") };
        messages.AddRange(posted.Take("i")!);

        var plan = StepPlanner.Plan(state, messages, Now)!;

        Assert.True(plan.RunsCode);
        Assert.Equal(
            [HistoryEventKind.OrchestratorStarted, HistoryEventKind.EventRaised, HistoryEventKind.TaskCompleted],
            plan.NewEvents.Select(e => e.Kind));
        Assert.Equal("\"first\"", plan.NewEvents[2].Data);
        Assert.Equal([5L, -20L, -21L, -22L, -9L], plan.Consumed);
    }

    private static ActivityWorkItem Item(long id, int taskId, string executionId = "e1") => new(id, "i", executionId, taskId, "A", null);
}
