using System.Text.Json.Serialization;
using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// One push or recording of one session that may be running at the vendor. The start activity writes it before
/// its call; a confirmed stop (or "already stopped") closes it. The sweeper stops open entries whose session no
/// longer runs, on its own retry schedule kept here.
/// </summary>
public sealed record LeakEntry
{
    /// <summary>How many sweeper actions an entry keeps (the latest ones).</summary>
    public const int MaxActions = 100;

    /// <summary>The session (orchestration instance) that started it.</summary>
    public required string SessionId { get; init; }

    /// <summary>Push or separate recording.</summary>
    public required LeakKind Kind { get; init; }

    /// <summary>The room (<c>uint32_auth_key</c>).</summary>
    public required uint RoomId { get; init; }

    /// <summary>The anchor.</summary>
    public required string UserId { get; init; }

    /// <summary><c>uint32_sdk_type</c> of the stop request.</summary>
    public SdkType SdkType { get; init; } = SdkType.Normal;

    /// <summary>The data type of the stop request (<c>uint32_push_data_type</c> / <c>uint32_record_data_type</c>).</summary>
    public DataSource Source { get; init; } = DataSource.Camera;

    /// <summary>True for a push started with the tape flag: its tape recording ends with it.</summary>
    public bool Tape { get; init; }

    /// <summary>Open, closed (stopped, not started), or given up.</summary>
    public LeakState State { get; init; } = LeakState.Open;

    /// <summary>How sure it is that something runs.</summary>
    public LeakEvidence Evidence { get; init; } = LeakEvidence.Attempted;

    /// <summary>When it was (last) opened: just before a start call.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When a start activity last wrote it (before or after its call).</summary>
    public required DateTimeOffset LastStartAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Why it was closed (who stopped it, or why nothing started).</summary>
    public string? CloseReason { get; init; }

    /// <summary>The stops the sweeper sent so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the sweeper sent its first stop (its give-up time counts from here).</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>Not before this time does the sweeper try again.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The sweeper's latest failed stop.</summary>
    public SessionError? LastError { get; init; }

    /// <summary>What the sweeper did, oldest first (at most <see cref="MaxActions"/>).</summary>
    public IReadOnlyList<LeakAction> Actions { get; init; } = [];

    /// <summary>The stored version for optimistic concurrency: 0 for an entry not yet stored. Not part of the JSON.</summary>
    [JsonIgnore]
    public long Version { get; init; }

    /// <summary>True while it may be running (<see cref="LeakState.Open"/> or <see cref="LeakState.GivenUp"/>).</summary>
    public bool IsOpen => State is LeakState.Open or LeakState.GivenUp;

    /// <summary>The stop push request for it.</summary>
    public StopPushRequest ToStopPushRequest() => new() { Target = new StreamTarget(RoomId, UserId), SdkType = SdkType, Source = Source };

    /// <summary>The stop recording request for it.</summary>
    public StopRecordingRequest ToStopRecordingRequest() => new() { Target = new StreamTarget(RoomId, UserId), SdkType = SdkType, Source = Source };

    /// <summary>This entry with <paramref name="action"/> appended (the oldest dropped beyond <see cref="MaxActions"/>).</summary>
    public LeakEntry WithAction(LeakAction action) => this with
    {
        Actions = Actions.Count < MaxActions ? [.. Actions, action] : [.. Actions.Skip(Actions.Count - MaxActions + 1), action],
    };
}
