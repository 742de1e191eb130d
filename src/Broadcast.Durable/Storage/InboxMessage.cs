namespace Broadcast.Durable.Storage;

/// <summary>One message of an instance's inbox (Id is 0 until stored).</summary>
internal sealed record InboxMessage(
    long Id,
    string InstanceId,
    MessageKind Kind,
    long VisibleAt,
    string? ExecutionId = null,
    int? TaskId = null,
    string? Name = null,
    string? Data = null,
    string? Failure = null,
    bool CarriedOver = false);
