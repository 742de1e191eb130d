namespace Broadcast.Durable;

/// <summary>An activity call failed (after its retries); thrown into the orchestration.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for the activity <paramref name="taskName"/>.</summary>
    public TaskFailedException(string taskName, TaskFailureDetails failureDetails)
        : base($"Activity '{taskName}' failed: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        FailureDetails = failureDetails;
    }

    /// <summary>The activity's name.</summary>
    public string TaskName { get; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
