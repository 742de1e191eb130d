using Broadcast.Ilvb.Simulator;

namespace Broadcast.Ilvb.Tests;

/// <summary>Transport failures against the simulator: each has its own kind, and none reads as success.</summary>
public class ClientTransportTests
{
    private static readonly StreamTarget Anchor = new(3003, "anchor_03");
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongDelay = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Timeout_BeforeTheVendorActs_IsATimeout()
    {
        await using var harness = await Start(o => o.RequestTimeout = ShortTimeout);
        harness.Faults.DelayNext(SimOperation.StartPush, LongDelay);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        Assert.Equal(IlvbFailureKind.Timeout, ex.Kind);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
        Assert.True(ex.OutcomeUnknown);
        Assert.Empty(harness.State.ActivePushes);
    }

    [Fact]
    public async Task Timeout_AfterTheVendorActed_IsATimeout_WithThePushLive()
    {
        await using var harness = await Start(o => o.RequestTimeout = ShortTimeout);
        harness.Faults.DelayNext(SimOperation.StartPush, LongDelay, timing: FaultTiming.AfterProcessing);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        Assert.Equal(IlvbFailureKind.Timeout, ex.Kind);
        Assert.True(ex.OutcomeUnknown);
        Assert.Single(harness.State.ActivePushes);
    }

    [Theory]
    [InlineData(FaultTiming.BeforeProcessing, false)]
    [InlineData(FaultTiming.AfterProcessing, true)]
    public async Task DroppedConnection_IsConnectionLost(FaultTiming timing, bool live)
    {
        await using var harness = await Start();
        harness.Faults.DropNext(SimOperation.StartPush, timing: timing);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        Assert.Equal(IlvbFailureKind.ConnectionLost, ex.Kind);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(live, harness.State.ActivePushes.Count == 1);
    }

    [Theory]
    [InlineData(500, IlvbErrorCategory.Transient)]
    [InlineData(503, IlvbErrorCategory.Transient)]
    [InlineData(400, IlvbErrorCategory.Fatal)]
    public async Task HttpError_IsHttpStatus(int status, IlvbErrorCategory category)
    {
        await using var harness = await Start();
        harness.Faults.HttpErrorNext(SimOperation.StopPush, status);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => harness.Client.StopPushAsync(new StopPushRequest { Target = Anchor }));

        Assert.Equal(IlvbFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(status, ex.Code);
        Assert.Equal(category, ex.Category);
    }

    [Theory]
    [InlineData(FaultTiming.BeforeProcessing)]
    [InlineData(FaultTiming.AfterProcessing)]
    public async Task MalformedJson_IsMalformedResponse(FaultTiming timing)
    {
        await using var harness = await Start();
        harness.Faults.MalformedNext(SimOperation.StopRecording, timing: timing);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => harness.Client.StopRecordingAsync(new StopRecordingRequest { Target = Anchor }));

        Assert.Equal(IlvbFailureKind.MalformedResponse, ex.Kind);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
    }

    [Fact]
    public async Task RefusedConnection_IsConnectionRefused_AndNeverReachedTheVendor()
    {
        var closedPort = ScriptedServer.FreePort();
        using var services = TestClients.Build(new Uri($"http://127.0.0.1:{closedPort}/"));

        var ex = await Assert.ThrowsAsync<IlvbException>(() =>
            services.Client().StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c" }));

        Assert.Equal(IlvbFailureKind.ConnectionRefused, ex.Kind);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
        Assert.False(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task CallerCancellation_StaysAnOperationCanceledException()
    {
        await using var harness = await Start();
        harness.Faults.DelayNext(SimOperation.StartPush, LongDelay);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c" }, cancellation.Token);
        await cancellation.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task AlreadyCancelledToken_SendsNothing()
    {
        await using var harness = await Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Client.StopPushAsync(new StopPushRequest { Target = Anchor }, new CancellationToken(canceled: true)));

        Assert.Empty(harness.State.Calls);
    }

    private static async Task<SimulatorHarness> Start(Action<IlvbOptions>? client = null)
    {
        var harness = await SimulatorHarness.StartAsync(client: client);
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        return harness;
    }

    private static Task<StartPushResult> StartPush(SimulatorHarness harness) =>
        harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c" });
}
