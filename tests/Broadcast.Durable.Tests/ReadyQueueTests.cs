using Broadcast.Durable.Dispatch;

namespace Broadcast.Durable.Tests;

public sealed class ReadyQueueTests
{
    [Fact]
    public void UrgentWake_IsServedBeforeEarlierRoutineOnes()
    {
        var queue = new ReadyQueue();
        queue.Wake("a");
        queue.Wake("b");
        queue.Wake("c", urgent: true);

        Assert.Equal(["c", "a", "b"], TakeAll(queue));
    }

    [Fact]
    public void UrgentWake_PromotesAnInstanceQueuedAsRoutine_AndItRunsOnce()
    {
        var queue = new ReadyQueue();
        queue.Wake("a");
        queue.Wake("b");
        queue.Wake("b", urgent: true);

        Assert.Equal(["b", "a"], TakeAll(queue));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void WakeWhileRunning_RequeuesWhenTheStepEnds_KeepingItsUrgency()
    {
        var queue = new ReadyQueue();
        queue.Wake("a");
        queue.Wake("b");
        Assert.True(queue.TryBegin(out var running));
        queue.Wake(running, urgent: true);
        Assert.Equal(1, queue.Count);

        queue.End(running);

        Assert.Equal(["a", "b"], TakeAll(queue)); // "a" again, urgent, ahead of "b"
    }

    [Fact]
    public void ActivityLanes_ServeUrgentItemsFirst_InTheirOrder()
    {
        var lanes = new TwoLaneQueue<int>();
        lanes.Enqueue(1, urgent: false);
        lanes.Enqueue(2, urgent: true);
        lanes.Enqueue(3, urgent: false);
        lanes.Enqueue(4, urgent: true);

        var taken = new List<int>();
        while (lanes.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        Assert.Equal([2, 4, 1, 3], taken);
        Assert.Equal(0, lanes.Count);
    }

    [Fact]
    public void ActivityLanes_GiveAWaitingRoutineItemItsTurnAfterAStreakOfUrgentOnes()
    {
        var lanes = new TwoLaneQueue<int>();
        lanes.Enqueue(0, urgent: false);
        for (var i = 1; i <= TwoLaneQueue<int>.UrgentStreak + 2; i++)
        {
            lanes.Enqueue(i, urgent: true);
        }

        var taken = new List<int>();
        while (lanes.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        Assert.Equal(TwoLaneQueue<int>.UrgentStreak, taken.IndexOf(0));
        Assert.Equal(TwoLaneQueue<int>.UrgentStreak + 3, taken.Count);
    }

    [Fact]
    public void Claim_TakesOnlyAnIdleInstance_AndAWakeMeanwhileRequeuesItWhenReleased()
    {
        var queue = new ReadyQueue();
        queue.Wake("running");
        queue.Wake("queued");
        Assert.True(queue.TryBegin(out var running));

        Assert.False(queue.TryClaim(running)); // a step runs
        Assert.False(queue.TryClaim("queued")); // a step is due
        Assert.True(queue.TryClaim("idle"));
        Assert.False(queue.TryClaim("idle")); // claimed already

        queue.Wake("idle");
        Assert.Equal(1, queue.Count);
        queue.End("idle");
        queue.End(running);
        Assert.Equal(["queued", "idle"], TakeAll(queue));
        Assert.True(queue.TryClaim("other"));
    }

    private static List<string> TakeAll(ReadyQueue queue)
    {
        var taken = new List<string>();
        while (queue.TryBegin(out var id))
        {
            taken.Add(id);
            queue.End(id);
        }

        return taken;
    }
}
