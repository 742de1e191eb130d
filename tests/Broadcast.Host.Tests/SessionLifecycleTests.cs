using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.Host.Tests;

/// <summary>A session's life through the HTTP API, against the in-process simulator.</summary>
public sealed class SessionLifecycleTests
{
    [Fact]
    public async Task Session_CancelledWhileLive_StopsRecordingAndPushAndCompletes()
    {
        await using var host = await TestHost.StartAsync();
        var request = Requests.Session("happy").WithRecording(RecordingMode.Separate);

        var links = await host.CreateSessionAsync(request);
        Assert.Equal("r1001:uanchor-1:happy", links.Id);
        Assert.True(links.Created);
        host.Simulator.State.JoinUser(1001, "anchor-1");
        await host.PostAcceptedAsync(links.UserJoinedUrl);

        var live = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        Assert.NotEmpty(live.LiveUrls);
        Assert.True(host.Simulator.State.IsPushing(1001, "anchor-1"));
        Assert.True(host.Simulator.State.IsRecording(1001, "anchor-1"));

        await host.PostAcceptedAsync(links.CancelUrl, new CancelRequest("test over"));
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Completed, done.Result!.Outcome);
        Assert.Equal(SessionEndReason.Cancelled, done.Result.EndReason);
        Assert.Equal(SessionStatus.Completed, done.Status);
        Assert.NotEmpty(done.Result.FileIds);
        Assert.Single(done.Calls("StartPush"));
        Assert.Single(done.Calls("StopRecording"));
        Assert.Single(done.Calls("StopPush"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Signals_Accepted_LinkTheSessionsStatusUrl()
    {
        await using var host = await TestHost.StartAsync();
        var links = await host.CreateSessionAsync(Requests.Session("signal-links"));

        using var joined = await host.Http.PostAsync(links.UserJoinedUrl, null);
        using var cancelled = await host.Http.PostAsJsonAsync(links.CancelUrl, new CancelRequest("links checked"), DurableJson.Options);

        Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
        Assert.Equal(links.StatusUrl, joined.Headers.Location);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(links.StatusUrl, cancelled.Headers.Location);
        await host.WaitForResultAsync(links.Id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_SignalledByRoomAndUser_GoesLive()
    {
        await using var host = await TestHost.StartAsync();
        var links = await host.CreateSessionAsync(Requests.Session("by-room", roomId: 2002, userId: "anchor-r"));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");
        host.Simulator.State.JoinUser(2002, "anchor-r");

        using var response = await host.Http.PostAsync("/api/rooms/2002/users/anchor-r/joined", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signalled = await response.Content.ReadFromJsonAsync<RoomSignalResult>(DurableJson.Options);
        Assert.Equal([links.Id], signalled!.Signalled);

        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(links.CancelUrl);
        Assert.Equal(SessionEndReason.Cancelled, (await host.WaitForResultAsync(links.Id)).Result!.EndReason);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_AnchorNeverJoins_EndsJoinTimedOutWithoutAnyCall()
    {
        await using var host = await TestHost.StartAsync();
        var links = await host.CreateSessionAsync(Requests.Session("no-join") with { JoinTimeout = TimeSpan.FromSeconds(1) });

        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.JoinTimedOut, done.Result!.Outcome);
        Assert.Empty(done.Calls("StartPush"));
        Assert.Equal(0, host.Simulator.State.StartedPushCount(1001, "anchor-1"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_CancelledBeforeJoin_EndsCancelledWithoutAnyCall()
    {
        await using var host = await TestHost.StartAsync();
        var links = await host.CreateSessionAsync(Requests.Session("early-cancel"));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");

        await host.PostAcceptedAsync(links.CancelUrl, new CancelRequest("changed my mind"));
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Cancelled, done.Result!.Outcome);
        Assert.Empty(done.Calls("StartPush"));
        Assert.Empty(done.Calls("StopPush"));
        Assert.Equal(0, host.Simulator.State.StartedPushCount(1001, "anchor-1"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Session_MaxDurationReached_CompletesAndStopsPushAndTape()
    {
        await using var host = await TestHost.StartAsync();
        host.Simulator.State.JoinUser(1001, "anchor-1");
        var request = Requests.Session("max-duration").WithRecording(RecordingMode.Tape) with { MaxDuration = TimeSpan.FromSeconds(1) };
        var links = await host.CreateSessionAsync(request);
        await host.PostAcceptedAsync(links.UserJoinedUrl);

        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Completed, done.Result!.Outcome);
        Assert.Equal(SessionEndReason.MaxDurationReached, done.Result.EndReason);
        Assert.NotNull(done.Result.TapeTaskId);
        Assert.Single(done.Calls("StopPush"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task SignalAfterFinish_AnswersConflict()
    {
        await using var host = await TestHost.StartAsync();
        var links = await host.CreateSessionAsync(Requests.Session("late-signal"));
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);

        using var response = await host.Http.PostAsync(links.UserJoinedUrl, null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already finished", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        host.AssertNothingLeftRunning();
    }
}
