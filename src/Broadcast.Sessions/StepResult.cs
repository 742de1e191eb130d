namespace Broadcast.Sessions;

/// <summary>How a start step ended.</summary>
internal enum StepResult
{
    Done,
    Failed,
    Cancelled,
}
