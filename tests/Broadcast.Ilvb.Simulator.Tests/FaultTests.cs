using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class FaultTests : SimulatorTest
{
    [Fact]
    public async Task FailNext_BodyCode_AnswersItForCountCallsWithoutActing()
    {
        State.JoinUser(1, "alice");
        Faults.FailNext(SimOperation.StartPush, 40000208, 2);

        var first = await Client.StartPushAsync(1, "alice");
        var second = await Client.StartPushAsync(1, "alice");
        Assert.Empty(State.ActivePushes);
        var third = await Client.StartPushAsync(1, "alice");

        Assert.Equal((40000208L, 40000208L, 0L), (first.Code, second.Code, third.Code));
        Assert.Contains("Timeout of request for pushing server", first.ErrorInfo, StringComparison.Ordinal);
        Assert.Single(State.ActivePushes);
        Assert.Equal([FaultKind.BodyCode, FaultKind.BodyCode, null], State.Calls.Select(c => c.Fault));
        Assert.Equal(1, State.StartedPushCount(1, "alice"));
    }

    [Fact]
    public async Task FailNext_NegativeCode_AnswersHeaderResult()
    {
        State.JoinUser(1, "alice");
        Faults.FailNext(SimOperation.StartPush, -3, 1);

        var reply = await Client.StartPushAsync(1, "alice", seq: 55);

        Assert.Equal(-3, reply.HeadResult);
        Assert.Null(reply.Json["rspbody"]);
        Assert.Equal(55u, reply.Head["uint32_seq"]!.GetValue<uint>());
        Assert.Empty(State.ActivePushes);
        Assert.Equal(FaultKind.HeaderCode, Assert.Single(State.Calls).Fault);
    }

    [Fact]
    public async Task FailNext_OnlyStrikesItsOwnOperation()
    {
        State.JoinUser(1, "alice");
        Faults.FailNext(SimOperation.StopPush, 40000207, 1);

        var start = await Client.StartPushAsync(1, "alice");
        var stop = await Client.StopPushAsync(1, "alice");
        var stopAgain = await Client.StopPushAsync(1, "alice");

        Assert.Equal((0L, 40000207L, 0L), (start.Code, stop.Code, stopAgain.Code));
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task HttpErrorNext_Answers500WithoutActing()
    {
        State.JoinUser(1, "alice");
        Faults.HttpErrorNext(SimOperation.StartPush, 500, 1);

        using var response = await Client.PostRawAsync(Wire.Push(1, "alice", Wire.StartPushBody()).ToJsonString());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(State.ActivePushes);
        var call = Assert.Single(State.Calls);
        Assert.Equal((FaultKind.HttpError, false, (long?)null), (call.Fault!.Value, call.Processed, call.ResultCode));
    }

    [Fact]
    public async Task HttpErrorNext_AfterProcessing_Answers503ButThePushIsLive()
    {
        State.JoinUser(1, "alice");
        Faults.HttpErrorNext(SimOperation.StartPush, 503, 1, FaultTiming.AfterProcessing);

        using var response = await Client.PostRawAsync(Wire.Push(1, "alice", Wire.StartPushBody()).ToJsonString());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(State.ActivePushes);
    }

    [Fact]
    public async Task DropNext_BeforeProcessing_CallerFailsAndNothingStarts()
    {
        State.JoinUser(1, "alice");
        await Client.StopPushAsync(1, "alice"); // a pooled connection, so a silent resend would show in the call log
        Faults.DropNext(SimOperation.StartPush, 1, FaultTiming.BeforeProcessing);

        var error = await Record.ExceptionAsync(() => Client.StartPushAsync(1, "alice"));

        Assert.True(error is HttpRequestException or IOException, $"expected a transport failure, got {error}");
        Assert.Empty(State.ActivePushes);
        Assert.Equal(2, State.Calls.Count);
        Assert.Equal(FaultKind.Drop, State.Calls[1].Fault);
    }

    [Fact]
    public async Task DropNext_AfterProcessing_CallerFailsButThePushIsLiveAndMustBeStopped()
    {
        State.JoinUser(1, "alice");
        Faults.DropNext(SimOperation.StartPush, 1, FaultTiming.AfterProcessing);

        var error = await Record.ExceptionAsync(() => Client.StartPushAsync(1, "alice"));

        Assert.True(error is HttpRequestException or IOException, $"expected a transport failure, got {error}");
        Assert.True(State.IsPushing(1, "alice"));
        var call = Assert.Single(State.Calls);
        Assert.True(call.Processed);
        Assert.Equal(0, call.ResultCode);
        Assert.Equal(0, (await Client.StopPushAsync(1, "alice")).Code);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task MalformedNext_BeforeProcessing_BodyIsNotJsonAndNothingStarts()
    {
        State.JoinUser(1, "alice");
        Faults.MalformedNext(SimOperation.StartPush, 1);

        using var response = await Client.PostRawAsync(Wire.Push(1, "alice", Wire.StartPushBody()).ToJsonString());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(body));
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task MalformedNext_AfterProcessing_BodyIsTruncatedButThePushIsLive()
    {
        State.JoinUser(1, "alice");
        Faults.MalformedNext(SimOperation.StartPush, 1, FaultTiming.AfterProcessing);

        using var response = await Client.PostRawAsync(Wire.Push(1, "alice", Wire.StartPushBody()).ToJsonString());
        var body = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("{\"reqhead\":", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(body));
        Assert.Single(State.ActivePushes);
        Assert.Equal(FaultKind.Malformed, Assert.Single(State.Calls).Fault);
    }

    [Fact]
    public async Task WrongSequenceNext_EchoesAnotherSeqButActs()
    {
        State.JoinUser(1, "alice");
        Faults.WrongSequenceNext(SimOperation.StartPush, 1);

        var reply = await Client.StartPushAsync(1, "alice", seq: 1000);
        var next = await Client.StopPushAsync(1, "alice", seq: 1001);

        Assert.NotEqual(1000u, reply.Head["uint32_seq"]!.GetValue<uint>());
        Assert.Equal(0, reply.Code);
        Assert.Equal(1001u, next.Head["uint32_seq"]!.GetValue<uint>());
        Assert.Equal(FaultKind.WrongSequence, State.Calls[0].Fault);
    }

    [Fact]
    public async Task DelayNext_HoldsTheCallThenAnswersNormally()
    {
        State.JoinUser(1, "alice");
        Faults.DelayNext(SimOperation.StartRecording, TimeSpan.FromMilliseconds(50), 1, FaultTiming.BeforeProcessing);

        var reply = await Client.StartRecordingAsync(1, "alice");

        Assert.Equal(0, reply.Code);
        var call = Assert.Single(State.Calls);
        Assert.Equal((FaultKind.Delay, TimeSpan.FromMilliseconds(50)), (call.Fault!.Value, call.Delay));
    }

    [Fact]
    public async Task DelayNext_CombinesWithAQueuedFault()
    {
        State.JoinUser(1, "alice");
        Faults.DelayNext(SimOperation.StartPush, TimeSpan.FromMilliseconds(20), 1, FaultTiming.BeforeProcessing);
        Faults.FailNext(SimOperation.StartPush, 40000207, 1);

        var reply = await Client.StartPushAsync(1, "alice");

        Assert.Equal(40000207, reply.Code);
        var call = Assert.Single(State.Calls);
        Assert.Equal((FaultKind.BodyCode, TimeSpan.FromMilliseconds(20)), (call.Fault!.Value, call.Delay));
        Assert.Equal(0, Faults.PendingCount(SimOperation.StartPush));
    }

    [Fact]
    public async Task Faults_TargetEvenInvalidRequestsOfTheirOperation()
    {
        Faults.FailNext(SimOperation.StartPush, 40000207, 1);

        var reply = await Client.StartPushAsync(42, "nobody-joined");

        Assert.Equal(40000207, reply.Code);
    }

    [Fact]
    public async Task Clear_RemovesQueuedFaultsRandomPlanAndLatency()
    {
        State.JoinUser(1, "alice");
        Faults.FailNext(SimOperation.StartPush, 40000207, 5);
        Faults.SetRandom(new RandomFaults(1, 1));
        Faults.Latency = TimeSpan.FromSeconds(30);

        Faults.Clear();
        var reply = await Client.StartPushAsync(1, "alice");

        Assert.Equal(0, reply.Code);
        Assert.Equal((TimeSpan.Zero, (RandomFaults?)null, 0), (Faults.Latency, Faults.Random, Faults.PendingCount(SimOperation.StartPush)));
        Assert.Null(Assert.Single(State.Calls).Fault);
    }

    [Fact]
    public void FaultPlan_RejectsMeaninglessFaults()
    {
        var plan = new FaultPlan();

        Assert.Throws<ArgumentOutOfRangeException>("code", () => plan.FailNext(SimOperation.StartPush, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => plan.DropNext(SimOperation.StartPush, 0, FaultTiming.BeforeProcessing));
        Assert.Throws<ArgumentOutOfRangeException>("status", () => plan.HttpErrorNext(SimOperation.StartPush, 200, 1));
        Assert.Throws<ArgumentOutOfRangeException>("timing", () => plan.DropNext(SimOperation.StartPush, 1, (FaultTiming)9));
        Assert.Throws<ArgumentException>("Rate", () => plan.SetRandom(new RandomFaults(1.5, 1)));
        Assert.Equal(0, plan.PendingCount(SimOperation.StartPush));
    }
}
