using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Host.Tests;

/// <summary>The error policy seen from outside: vendor codes and transport failures injected in the simulator.</summary>
public sealed class VendorFaultTests
{
    private const uint Room = 1001;
    private const string User = "anchor-1";

    [Fact]
    public async Task StartPush_Busy3TimesThenOk_RetriesAndGoesLive()
    {
        await using var host = await TestHost.StartAsync();
        host.Simulator.Faults.FailNext(SimOperation.StartPush, 40000208, count: 3);

        var links = await StartJoinedAsync(host, Requests.Session("busy-push"));
        var live = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(links.CancelUrl);
        var done = await host.WaitForResultAsync(links.Id);

        var starts = done.Calls("StartPush");
        Assert.Equal([40000208L, 40000208L, 40000208L, null], starts.Select(call => call.Code));
        Assert.NotEmpty(live.LiveUrls);
        Assert.Equal(SessionOutcome.Completed, done.Result!.Outcome);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartRecording_BusyOnceThenOk_RetriesAndRecords()
    {
        await using var host = await TestHost.StartAsync();
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000208);

        var links = await StartJoinedAsync(host, Requests.Session("busy-record").WithRecording(RecordingMode.Separate));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        Assert.True(host.Simulator.State.IsRecording(Room, User));
        await host.PostAcceptedAsync(links.CancelUrl);
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal([30000208L, null], done.Calls("StartRecording").Select(call => call.Code));
        Assert.False(done.Result!.RecordingDegraded);
        Assert.NotEmpty(done.Result.FileIds);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_FatalCode_FailsWithoutRetryAndNamesTheCode()
    {
        await using var host = await TestHost.StartAsync();
        host.Simulator.Faults.FailNext(SimOperation.StartPush, 20101);

        var links = await StartJoinedAsync(host, Requests.Session("fatal"));
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Failed, done.Result!.Outcome);
        Assert.Equal(20101, done.Result.Error!.Code);
        Assert.Equal(IlvbErrorCategory.Fatal, done.Result.Error.Category);
        Assert.Single(done.Calls("StartPush"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StopPush_PushAlreadyEnded40000412_CountsAsStopped()
    {
        await using var host = await TestHost.StartAsync();
        var links = await StartJoinedAsync(host, Requests.Session("ended-412"));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");

        // The push ends at the vendor behind the session's back; its own stop then meets the seed's "already ended".
        await EndPushAtVendorAsync(host);
        await host.PostAcceptedAsync(links.CancelUrl);
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Completed, done.Result!.Outcome);
        Assert.Equal([40000412L], done.Calls("StopPush").Select(call => call.Code));
        Assert.Contains(done.Result.Timeline, entry => entry.Message.Contains("counted as stopped", StringComparison.Ordinal));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StopPush_PushAlreadyEnded40000413_CountsAsStopped()
    {
        await using var host = await TestHost.StartAsync();
        var links = await StartJoinedAsync(host, Requests.Session("ended-413"));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");

        await EndPushAtVendorAsync(host);
        host.Simulator.Faults.FailNext(SimOperation.StopPush, 40000413);
        await host.PostAcceptedAsync(links.CancelUrl);
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Completed, done.Result!.Outcome);
        Assert.Equal([40000413L], done.Calls("StopPush").Select(call => call.Code));
        Assert.Contains(done.Result.Timeline, entry => entry.Message.Contains("counted as stopped", StringComparison.Ordinal));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartPush_TimesOutAfterTheVendorStartedIt_SessionStillStopsThePush()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Ilvb:RequestTimeout"] = "00:00:01" });
        // The vendor starts the push, but its answer comes long after the client gave up.
        host.Simulator.Faults.DelayNext(SimOperation.StartPush, TimeSpan.FromSeconds(30), timing: FaultTiming.AfterProcessing);
        var request = Requests.Session("timeout") with
        {
            Retry = Requests.FastRetries with { Start = Requests.FastRetries.Start! with { MaxAttempts = 1 } },
        };

        var links = await StartJoinedAsync(host, request);
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Single(done.Calls("StartPush"));
        Assert.Equal(SessionOutcome.Failed, done.Result!.Outcome);
        Assert.Equal(IlvbFailureKind.Timeout, done.Result.Error!.Kind);
        Assert.True(done.Result.Error.OutcomeUnknown);
        Assert.NotEmpty(done.Calls("StopPush"));
        Assert.Equal(1, host.Simulator.State.StartedPushCount(Room, User));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartRecording_FatalWhileRequired_FailsAndStopsThePush()
    {
        await using var host = await TestHost.StartAsync();
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000405);

        var links = await StartJoinedAsync(host, Requests.Session("rec-required").WithRecording(RecordingMode.Separate, required: true));
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Failed, done.Result!.Outcome);
        Assert.Equal(30000405, done.Result.Error!.Code);
        Assert.Single(done.Calls("StopPush"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task StartRecording_FatalWhileOptional_BroadcastsDegraded()
    {
        await using var host = await TestHost.StartAsync();
        host.Simulator.Faults.FailNext(SimOperation.StartRecording, 30000405);

        var links = await StartJoinedAsync(host, Requests.Session("rec-optional").WithRecording(RecordingMode.Separate, required: false));
        var live = await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        Assert.True(live.RecordingDegraded);
        Assert.True(host.Simulator.State.IsPushing(Room, User));
        Assert.False(host.Simulator.State.IsRecording(Room, User));

        await host.PostAcceptedAsync(links.CancelUrl);
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.Completed, done.Result!.Outcome);
        Assert.True(done.Result.RecordingDegraded);
        Assert.Empty(done.Calls("StopRecording"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task WithASecretKey_TheHostsOwnUserSigsPassTheSimulatorsCheck_AndARefusedOneFailsTheStartNamingIt()
    {
        const string SecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Ilvb:SecretKey"] = SecretKey });
        Assert.Equal(SecretKey, host.Simulator.Options.SecretKey);

        var links = await StartJoinedAsync(host, Requests.Session("signed"));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(links.CancelUrl);
        Assert.Equal(SessionOutcome.Completed, (await host.WaitForResultAsync(links.Id)).Result!.Outcome);

        // The vendor's key changes under the host: its sigs no longer verify.
        host.Simulator.Options.SecretKey = "another-key";
        var refused = await StartJoinedAsync(host, Requests.Session("refused"));
        var done = await host.WaitForResultAsync(refused.Id);

        Assert.Equal(SessionOutcome.Failed, done.Result!.Outcome);
        Assert.Contains("header verification failed: the usersig's signature does not match", done.Result.Error!.ToString(), StringComparison.Ordinal);
        Assert.Equal(-4, done.Result.Error.Code);
        Assert.DoesNotContain(done.Result.Timeline, entry => entry.Message.Contains(SecretKey, StringComparison.Ordinal));
        host.AssertNothingLeftRunning();
    }

    private static async Task<SessionLinks> StartJoinedAsync(TestHost host, SessionRequest request)
    {
        host.Simulator.State.JoinUser(request.RoomId, request.UserId);
        var links = await host.CreateSessionAsync(request);
        await host.PostAcceptedAsync(links.UserJoinedUrl);
        return links;
    }

    private static async Task EndPushAtVendorAsync(TestHost host)
    {
        var client = host.App.Services.GetRequiredService<IIlvbClient>();
        await client.StopPushAsync(new StopPushRequest { Target = new StreamTarget(Room, User) });
        Assert.False(host.Simulator.State.IsPushing(Room, User));
    }
}
