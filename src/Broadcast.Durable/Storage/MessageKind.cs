namespace Broadcast.Durable.Storage;

/// <summary>What an inbox message carries. Stored as numbers: never renumber.</summary>
internal enum MessageKind
{
    ExecutionStarted = 1,
    EventRaised = 2,
    TaskCompleted = 3,
    TaskFailed = 4,
    TimerFired = 5,
    Terminate = 6,
}
