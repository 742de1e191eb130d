using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class RecordingTests : SimulatorTest
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected override SimulatorOptions CreateOptions() => new() { TimeProvider = time };

    [Fact]
    public async Task StartRecording_RoomNobodyJoined_Answers30000410()
    {
        var reply = await Client.StartRecordingAsync(3, "alice");

        Assert.Equal(30000410, reply.Code);
        Assert.Empty(State.ActiveRecordings);
    }

    [Fact]
    public async Task StartRecording_UserNotInRoom_Answers30000411()
    {
        State.JoinUser(3, "bob");

        var reply = await Client.StartRecordingAsync(3, "alice");

        Assert.Equal(30000411, reply.Code);
        Assert.Empty(State.ActiveRecordings);
    }

    [Fact]
    public async Task StartRecording_UserInRoom_RecordsWithFileNameAndTime()
    {
        State.JoinUser(3, "alice");

        var reply = await Client.StartRecordingAsync(3, "alice", "evening-show");

        Assert.Equal(0, reply.Code);
        Assert.NotNull(reply.Json["rspbody"]!["rsp_0x5"]);
        var recording = Assert.Single(State.ActiveRecordings);
        Assert.Equal(new LiveRecording(3, "alice", "evening-show", time.GetUtcNow()), recording);
        Assert.Equal(1, State.StartedRecordingCount(3, "alice"));
    }

    [Fact]
    public async Task StartRecording_Twice_Answers30000415()
    {
        State.JoinUser(3, "alice");
        await Client.StartRecordingAsync(3, "alice");

        var second = await Client.StartRecordingAsync(3, "alice");

        Assert.Equal(30000415, second.Code);
        Assert.Single(State.ActiveRecordings);
    }

    [Fact]
    public async Task StopRecording_Running_ReturnsOneFileIdAndStops()
    {
        State.JoinUser(3, "alice");
        await Client.StartRecordingAsync(3, "alice");
        time.Advance(TimeSpan.FromMinutes(20));

        var reply = await Client.StopRecordingAsync(3, "alice");

        Assert.Equal(0, reply.Code);
        var fileId = Assert.Single(reply.FileIds);
        Assert.Matches("^[0-9]+$", fileId);
        Assert.Empty(State.ActiveRecordings);
    }

    [Fact]
    public async Task StopRecording_LongerThanASegment_ReturnsOneFileIdPerSegment()
    {
        State.JoinUser(3, "alice");
        await Client.StartRecordingAsync(3, "alice");
        time.Advance(TimeSpan.FromHours(2.5));

        var reply = await Client.StopRecordingAsync(3, "alice");

        Assert.Equal(3, reply.FileIds.Count);
        Assert.Equal(3, reply.FileIds.Distinct().Count());
    }

    [Fact]
    public async Task StopRecording_Twice_SecondAnswers30000412()
    {
        State.JoinUser(3, "alice");
        await Client.StartRecordingAsync(3, "alice");
        await Client.StopRecordingAsync(3, "alice");

        var second = await Client.StopRecordingAsync(3, "alice");

        Assert.Equal(30000412, second.Code);
        Assert.Null(second.Rsp!["str_fileID"]);
    }

    [Fact]
    public async Task WhenRecording_CompletesWhenTheRecordingStarts()
    {
        State.JoinUser(3, "alice");
        var waiting = State.WhenRecordingAsync(3, "alice");
        var other = State.WhenRecordingAsync(3, "bob");

        Assert.False(waiting.IsCompleted);
        await Client.StartRecordingAsync(3, "alice");

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(other.IsCompleted);
        Assert.True(State.WhenRecordingAsync(3, "alice").IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WhenRecording_Cancelled_EndsTheWaitOnly()
    {
        State.JoinUser(3, "alice");
        using var cancel = new CancellationTokenSource();
        var abandoned = State.WhenRecordingAsync(3, "alice", cancel.Token);
        var kept = State.WhenRecordingAsync(3, "alice");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await Client.StartRecordingAsync(3, "alice");

        await kept.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task LeaveRoom_WhileRecording_RecordingRunsUntilStopped()
    {
        State.JoinUser(3, "alice");
        await Client.StartRecordingAsync(3, "alice");

        State.LeaveUser(3, "alice");

        Assert.True(State.IsRecording(3, "alice"));
        Assert.Equal(0, (await Client.StopRecordingAsync(3, "alice")).Code);
        Assert.Empty(State.ActiveRecordings);
    }

    [Fact]
    public async Task Recording_RequestPacketMissing_Answers30000001()
    {
        State.JoinUser(3, "alice");
        var envelope = Wire.Envelope(Wire.Head(5, 3, "alice"), "req_0x6", Wire.StartPushBody());

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(30000001, reply.Code);
        Assert.Empty(State.ActivePushes);
    }

    [Theory]
    [InlineData("string_file_name", null, 30000002)]
    [InlineData("string_file_name", "", 30000002)]
    [InlineData("uint32_oper", null, 30000003)]
    [InlineData("uint32_oper", 7, 30000000)]
    [InlineData("uint32_record_data_type", null, 30000004)]
    [InlineData("uint32_record_data_type", 4, 30000004)]
    [InlineData("uint32_sdk_type", null, 30000000)]
    [InlineData("uint32_classid", "x", 30000000)]
    [InlineData("string_tags", 1, 30000000)]
    public async Task StartRecording_BadField_AnswersSeedCodeAndRecordsNothing(string field, object? value, long expected)
    {
        State.JoinUser(3, "alice");
        var req = Wire.StartRecordingBody();
        if (value is null)
        {
            req.Remove(field);
        }
        else
        {
            req[field] = value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value);
        }

        var reply = await Client.SendAsync(Wire.Recording(3, "alice", req));

        Assert.Equal(expected, reply.Code);
        Assert.Contains(field, reply.ErrorInfo, StringComparison.Ordinal);
        Assert.Empty(State.ActiveRecordings);
    }

    [Fact]
    public async Task StopRecording_DataTypeMissing_Answers30000004AndKeepsRecording()
    {
        State.JoinUser(3, "alice");
        await Client.StartRecordingAsync(3, "alice");
        var req = Wire.StopRecordingBody();
        req.Remove("uint32_record_data_type");

        var reply = await Client.SendAsync(Wire.Recording(3, "alice", req));

        Assert.Equal(30000004, reply.Code);
        Assert.Single(State.ActiveRecordings);
    }

    [Fact]
    public async Task PushAndRecording_AreIndependent()
    {
        State.JoinUser(3, "alice");
        await Client.StartPushAsync(3, "alice");
        await Client.StartRecordingAsync(3, "alice");

        await Client.StopPushAsync(3, "alice");

        Assert.Empty(State.ActivePushes);
        Assert.Single(State.ActiveRecordings);
    }
}
