using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class ControlApiTests : SimulatorTest
{
    private HttpClient Http => Client.Http;

    [Fact]
    public async Task Health_AnswersOkWithTheAppId()
    {
        var health = await Http.GetFromJsonAsync<JsonObject>("control/health");

        Assert.Equal("ok", health!["status"]!.GetValue<string>());
        Assert.Equal(Wire.AppId, health["sdkAppId"]!.GetValue<uint>());
    }

    [Fact]
    public async Task JoinAndLeave_ChangeRoomMembership()
    {
        using var join = await Http.PostAsync("control/rooms/12/users/alice", null);
        var joined = await join.Content.ReadFromJsonAsync<RoomView>(ControlJson.Options);
        Assert.Equal(new[] { "alice" }, joined!.Users);
        Assert.Equal(0, (await Client.StartPushAsync(12, "alice")).Code);

        using var leave = await Http.DeleteAsync("control/rooms/12/users/alice");

        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        Assert.Empty(State.UsersInRoom(12));
        Assert.True(State.IsPushing(12, "alice"));
        Assert.Equal(40000411, (await Client.StartPushAsync(12, "alice")).Code);
    }

    [Fact]
    public async Task Leave_UserNotInRoom_Answers404()
    {
        using var response = await Http.DeleteAsync("control/rooms/12/users/ghost");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ghost", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_RoomIdNotUnsigned_Answers400NamingIt()
    {
        using var response = await Http.PostAsync("control/rooms/-3/users/alice", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'-3'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_ListsPushesAndRecordings()
    {
        State.JoinUser(12, "alice");
        var push = await Client.StartPushAsync(12, "alice", liveCode: 6, tapeFlag: 1);
        await Client.StartRecordingAsync(12, "alice", "show");

        var live = await Http.GetFromJsonAsync<LiveView>("control/live", ControlJson.Options);

        var listed = Assert.Single(live!.Pushes);
        Assert.Equal((12u, "alice", push.ChannelId), (listed.RoomId, listed.UserId, listed.ChannelId));
        Assert.Equal(2, listed.LiveUrls.Count);
        Assert.NotNull(listed.TapeTaskId);
        Assert.Equal("show", Assert.Single(live.Recordings).FileName);
    }

    [Fact]
    public async Task Calls_ListsTheCallLog()
    {
        State.JoinUser(12, "alice");
        await Client.StartPushAsync(12, "alice", seq: 70);
        await Client.StartPushAsync(12, "alice", seq: 71);

        var calls = await Http.GetFromJsonAsync<List<CallRecord>>("control/calls", ControlJson.Options);

        Assert.Equal([(SimOperation.StartPush, 70u, 0L), (SimOperation.StartPush, 71u, 40000415L)], calls!.Select(c => (c.Operation!.Value, c.Seq!.Value, c.ResultCode!.Value)));
    }

    [Fact]
    public async Task Reset_ForgetsStateAndFaults()
    {
        State.JoinUser(12, "alice");
        await Client.StartPushAsync(12, "alice");
        Faults.FailNext(SimOperation.StopPush, 40000207, 3);

        using var response = await Http.PostAsync("control/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(State.ActivePushes);
        Assert.Empty(State.Calls);
        Assert.Equal(0, Faults.PendingCount(SimOperation.StopPush));
        Assert.Equal(40000410, (await Client.StartPushAsync(12, "alice")).Code);
    }

    [Fact]
    public async Task PostFault_Fail_StrikesTheNextCalls()
    {
        State.JoinUser(12, "alice");

        using var response = await Http.PostAsJsonAsync("control/faults", new { kind = "fail", operation = "StartPush", code = 40000208, count = 2 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(40000208, (await Client.StartPushAsync(12, "alice")).Code);
        Assert.Equal(40000208, (await Client.StartPushAsync(12, "alice")).Code);
        Assert.Equal(0, (await Client.StartPushAsync(12, "alice")).Code);
    }

    [Fact]
    public async Task PostFault_DropAfterProcessing_StartsThePushAndDropsTheAnswer()
    {
        State.JoinUser(12, "alice");

        using var response = await Http.PostAsJsonAsync("control/faults", new { kind = "drop", operation = "startPush", timing = "AfterProcessing" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.StartPushAsync(12, "alice"));
        Assert.True(State.IsPushing(12, "alice"));
    }

    [Fact]
    public async Task PostFault_RandomAndLatency_ConfigureThePlan()
    {
        using var random = await Http.PostAsJsonAsync("control/faults", new { kind = "random", rate = 0.25, seed = 9, kinds = new[] { "TransientCode", "Drop" }, maxLatencyMs = 10 });
        using var latency = await Http.PostAsJsonAsync("control/faults", new { kind = "latency", delayMs = 15 });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (random.StatusCode, latency.StatusCode));
        Assert.Equal(new RandomFaults(0.25, 9, RandomFaultKinds.TransientCode | RandomFaultKinds.Drop) { MaxLatency = TimeSpan.FromMilliseconds(10) }, Faults.Random);
        Assert.Equal(TimeSpan.FromMilliseconds(15), Faults.Latency);
    }

    [Theory]
    [InlineData("{\"operation\":\"StartPush\"}", "kind")]
    [InlineData("{\"kind\":\"fail\",\"code\":40000207}", "operation")]
    [InlineData("{\"kind\":\"fail\",\"operation\":\"StartPush\"}", "code")]
    [InlineData("{\"kind\":\"httpError\",\"operation\":\"StartPush\",\"status\":200}", "status")]
    [InlineData("{\"kind\":\"drop\",\"operation\":\"StartPush\",\"count\":0}", "count")]
    [InlineData("{\"kind\":\"random\",\"rate\":2}", "rate")]
    [InlineData("{\"kind\":\"delay\",\"operation\":\"StopPush\"}", "delayMs")]
    [InlineData("{\"kind\":\"explode\"}", "kind")]
    [InlineData("not json", "fault request")]
    public async Task PostFault_Invalid_Answers400NamingTheField(string body, string named)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("control/faults", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(named, problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, Faults.PendingCount(SimOperation.StartPush));
    }

    [Fact]
    public async Task DeleteFaults_ClearsThePlan()
    {
        State.JoinUser(12, "alice");
        Faults.FailNext(SimOperation.StartPush, 40000207, 3);

        using var response = await Http.DeleteAsync("control/faults");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await Client.StartPushAsync(12, "alice")).Code);
    }
}
