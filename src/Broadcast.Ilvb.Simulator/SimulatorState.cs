using System.Globalization;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// Rooms and their users, live pushes and recordings, and the call log of one simulator.
/// Thread-safe: every member may be called while requests are being served.
/// </summary>
/// <remarks>
/// A room is known from the first time a user joins it until <see cref="Reset"/>; leaving does
/// not forget the room, and it does not end the user's push or recording: the orchestrator must
/// stop them, which is what tests assert on.
/// </remarks>
public sealed class SimulatorState
{
    // Above 2^53 on purpose: a client that reads uint64_channel_id through a double loses digits.
    private const ulong FirstChannelId = 9_007_199_254_741_001;
    private const uint FirstTapeTaskId = 700_001;
    private const ulong FirstFileId = 5_285_890_780_000_000_001;

    private readonly Lock gate = new();
    private readonly int callLogCapacity;
    private readonly Dictionary<uint, HashSet<string>> rooms = [];
    private readonly Dictionary<(uint Room, string User), LivePush> pushes = [];
    private readonly Dictionary<(uint Room, string User), LiveRecording> recordings = [];
    private readonly Dictionary<(uint Room, string User), int> startedPushes = [];
    private readonly Dictionary<(uint Room, string User), int> startedRecordings = [];
    private readonly Dictionary<(uint Room, string User), TaskCompletionSource> recordingWaiters = [];
    private readonly Queue<CallRecord> calls = new();
    private ulong nextChannelId = FirstChannelId;
    private uint nextTapeTaskId = FirstTapeTaskId;
    private ulong nextFileId = FirstFileId;

    /// <summary>Creates an empty state.</summary>
    /// <param name="callLogCapacity">How many calls <see cref="Calls"/> keeps; the oldest are dropped beyond it.</param>
    public SimulatorState(int callLogCapacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callLogCapacity);
        this.callLogCapacity = callLogCapacity;
    }

    /// <summary>The pushes live right now, oldest first.</summary>
    public IReadOnlyList<LivePush> ActivePushes
    {
        get
        {
            lock (gate)
            {
                return [.. pushes.Values.OrderBy(p => p.StartedAt).ThenBy(p => p.ChannelId)];
            }
        }
    }

    /// <summary>The recordings running right now, oldest first.</summary>
    public IReadOnlyList<LiveRecording> ActiveRecordings
    {
        get
        {
            lock (gate)
            {
                return [.. recordings.Values.OrderBy(r => r.StartedAt)];
            }
        }
    }

    /// <summary>The call log, oldest first (at most the configured capacity).</summary>
    public IReadOnlyList<CallRecord> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>Puts <paramref name="userId"/> into room <paramref name="roomId"/>; the room becomes known.</summary>
    /// <returns>False when the user was already in the room.</returns>
    public bool JoinUser(uint roomId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (gate)
        {
            if (!rooms.TryGetValue(roomId, out var users))
            {
                users = new HashSet<string>(StringComparer.Ordinal);
                rooms[roomId] = users;
            }

            return users.Add(userId);
        }
    }

    /// <summary>Takes <paramref name="userId"/> out of the room. Their push and recording keep running.</summary>
    /// <returns>False when the user was not in the room.</returns>
    public bool LeaveUser(uint roomId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (gate)
        {
            return rooms.TryGetValue(roomId, out var users) && users.Remove(userId);
        }
    }

    /// <summary>The users in room <paramref name="roomId"/> right now (empty for an unknown room).</summary>
    public IReadOnlyList<string> UsersInRoom(uint roomId)
    {
        lock (gate)
        {
            return rooms.TryGetValue(roomId, out var users) ? [.. users.Order(StringComparer.Ordinal)] : [];
        }
    }

    /// <summary>Whether the user has a live push in the room.</summary>
    public bool IsPushing(uint roomId, string userId)
    {
        lock (gate)
        {
            return pushes.ContainsKey((roomId, userId));
        }
    }

    /// <summary>Whether the user has a running recording in the room.</summary>
    public bool IsRecording(uint roomId, string userId)
    {
        lock (gate)
        {
            return recordings.ContainsKey((roomId, userId));
        }
    }

    /// <summary>
    /// Completes once a recording of <paramref name="userId"/> in room <paramref name="roomId"/> runs, at once if one
    /// does: a test or load driver waits for "live" without polling. A reset does not end the wait.
    /// </summary>
    public Task WhenRecordingAsync(uint roomId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (gate)
        {
            var key = (roomId, userId);
            if (recordings.ContainsKey(key))
            {
                return Task.CompletedTask;
            }

            if (!recordingWaiters.TryGetValue(key, out var waiter))
            {
                recordingWaiters[key] = waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>How many pushes the simulator started for the user in the room (exact, independent of the call log's capacity).</summary>
    public int StartedPushCount(uint roomId, string userId)
    {
        lock (gate)
        {
            return startedPushes.GetValueOrDefault((roomId, userId));
        }
    }

    /// <summary>How many recordings (sub-command 0x5) the simulator started for the user in the room.</summary>
    public int StartedRecordingCount(uint roomId, string userId)
    {
        lock (gate)
        {
            return startedRecordings.GetValueOrDefault((roomId, userId));
        }
    }

    /// <summary>Forgets every room, push, recording, counter and call.</summary>
    public void Reset()
    {
        lock (gate)
        {
            rooms.Clear();
            pushes.Clear();
            recordings.Clear();
            startedPushes.Clear();
            startedRecordings.Clear();
            calls.Clear();
        }
    }

    internal void Record(CallRecord call)
    {
        lock (gate)
        {
            calls.Enqueue(call);
            while (calls.Count > callLogCapacity)
            {
                calls.Dequeue();
            }
        }
    }

    internal PushStarted StartPush(PushStart start, int? channelLimit, DateTimeOffset now)
    {
        lock (gate)
        {
            var presence = Presence(start.RoomId, start.UserId);
            if (presence != 0)
            {
                return new PushStarted(presence == 1 ? ResultCodes.PushRoomMissing : ResultCodes.PushUserNotInRoom, null);
            }

            var key = (start.RoomId, start.UserId);
            if (pushes.ContainsKey(key))
            {
                return new PushStarted(ResultCodes.PushAlreadyRunning, null);
            }

            if (channelLimit is { } limit && pushes.Count >= limit)
            {
                return new PushStarted(ResultCodes.ChannelLimit, null);
            }

            var channelId = nextChannelId++;
            uint? tapeTaskId = start.Tape ? nextTapeTaskId++ : null;
            var push = new LivePush(start.RoomId, start.UserId, channelId, start.LiveCode, start.Urls(channelId), tapeTaskId, now);
            pushes[key] = push;
            startedPushes[key] = startedPushes.GetValueOrDefault(key) + 1;
            return new PushStarted(ResultCodes.Success, push);
        }
    }

    internal long StopPush(uint roomId, string userId)
    {
        lock (gate)
        {
            return pushes.Remove((roomId, userId)) ? ResultCodes.Success : ResultCodes.PushAlreadyEnded;
        }
    }

    internal long StartRecording(uint roomId, string userId, string fileName, DateTimeOffset now)
    {
        lock (gate)
        {
            var presence = Presence(roomId, userId);
            if (presence != 0)
            {
                return presence == 1 ? ResultCodes.RecordRoomMissing : ResultCodes.RecordUserNotInRoom;
            }

            var key = (roomId, userId);
            if (recordings.ContainsKey(key))
            {
                return ResultCodes.RecordAlreadyRunning;
            }

            recordings[key] = new LiveRecording(roomId, userId, fileName, now);
            startedRecordings[key] = startedRecordings.GetValueOrDefault(key) + 1;
            if (recordingWaiters.Remove(key, out var waiter))
            {
                waiter.TrySetResult();
            }

            return ResultCodes.Success;
        }
    }

    internal RecordingStopped StopRecording(uint roomId, string userId, DateTimeOffset now, TimeSpan segmentLength)
    {
        lock (gate)
        {
            if (!recordings.Remove((roomId, userId), out var recording))
            {
                return new RecordingStopped(ResultCodes.RecordAlreadyEnded, []);
            }

            var elapsed = now - recording.StartedAt;
            var segments = elapsed <= TimeSpan.Zero ? 1 : (int)Math.Min(1000, Math.Ceiling(elapsed / segmentLength));
            var fileIds = new string[Math.Max(1, segments)];
            for (var i = 0; i < fileIds.Length; i++)
            {
                fileIds[i] = (nextFileId++).ToString(CultureInfo.InvariantCulture);
            }

            return new RecordingStopped(ResultCodes.Success, fileIds);
        }
    }

    // 0: the user is in the room; 1: the room is unknown; 2: the room is known, the user is not in it.
    private int Presence(uint roomId, string userId) =>
        !rooms.TryGetValue(roomId, out var users) ? 1 : users.Contains(userId) ? 0 : 2;
}
