using Broadcast.Ilvb.Simulator;

namespace Broadcast.Ilvb.Tests;

/// <summary>Every error category, from the simulator's own semantics and from injected codes.</summary>
public class ClientErrorTests
{
    private static readonly StreamTarget Anchor = new(2002, "anchor_02");

    [Fact]
    public async Task StartPush_BeforeTheUserJoined_IsFatal40000411()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, "somebody_else");

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        AssertVendor(ex, 40000411, IlvbErrorCategory.Fatal);
        Assert.Equal(IlvbErrorCatalog.Default.Lookup(40000411).Advice, ex.Advice);
        Assert.False(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task StartPush_InAnUnknownRoom_IsFatal40000410()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        AssertVendor(ex, 40000410, IlvbErrorCategory.Fatal);
    }

    [Fact]
    public async Task StartPush_Twice_IsAlreadyDone40000415()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        await StartPush(harness);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        AssertVendor(ex, 40000415, IlvbErrorCategory.AlreadyDone);
        Assert.Single(harness.State.ActivePushes);
    }

    [Fact]
    public async Task StopPush_WithNothingRunning_IsAlreadyDone40000412()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => harness.Client.StopPushAsync(new StopPushRequest { Target = Anchor }));

        AssertVendor(ex, 40000412, IlvbErrorCategory.AlreadyDone);
    }

    [Fact]
    public async Task StartRecording_Twice_IsAmbiguous30000415()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        await StartRecording(harness);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartRecording(harness));

        AssertVendor(ex, 30000415, IlvbErrorCategory.Ambiguous);
    }

    [Fact]
    public async Task StopRecording_WithNothingRunning_IsAlreadyDone30000412()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => harness.Client.StopRecordingAsync(new StopRecordingRequest { Target = Anchor }));

        AssertVendor(ex, 30000412, IlvbErrorCategory.AlreadyDone);
    }

    [Fact]
    public async Task WrongSdkAppId_IsFatal1001()
    {
        await using var harness = await SimulatorHarness.StartAsync(client: o => o.SdkAppId = 1400000999);
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        AssertVendor(ex, 1001, IlvbErrorCategory.Fatal);
        Assert.Empty(harness.State.ActivePushes);
    }

    [Fact]
    public async Task ChannelLimit_IsFatal20101()
    {
        await using var harness = await SimulatorHarness.StartAsync(o => o.ChannelLimit = 1);
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        harness.State.JoinUser(Anchor.RoomId, "second_anchor");
        await StartPush(harness);

        var ex = await Assert.ThrowsAsync<IlvbException>(() =>
            harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor with { UserId = "second_anchor" }, ChannelName = "c" }));

        AssertVendor(ex, 20101, IlvbErrorCategory.Fatal);
    }

    [Theory]
    [InlineData(SimOperation.StartPush, 40000207, IlvbErrorCategory.Transient)]
    [InlineData(SimOperation.StartPush, 40000208, IlvbErrorCategory.Transient)]
    [InlineData(SimOperation.StartPush, 40000401, IlvbErrorCategory.RetryAdvised)]
    [InlineData(SimOperation.StartPush, 40000414, IlvbErrorCategory.RetryAdvised)]
    [InlineData(SimOperation.StartPush, 20406, IlvbErrorCategory.Fatal)]
    [InlineData(SimOperation.StartPush, 40000413, IlvbErrorCategory.AlreadyDone)]
    [InlineData(SimOperation.StartRecording, 30000208, IlvbErrorCategory.Transient)]
    [InlineData(SimOperation.StartRecording, 30000404, IlvbErrorCategory.RetryAdvised)]
    [InlineData(SimOperation.StartRecording, 30000207, IlvbErrorCategory.Fatal)]
    [InlineData(SimOperation.StartRecording, 30000415, IlvbErrorCategory.Ambiguous)]
    [InlineData(SimOperation.StartPush, 77777777, IlvbErrorCategory.Fatal)]
    public async Task InjectedBodyCode_SurfacesWithItsCatalogCategory(SimOperation operation, long code, IlvbErrorCategory category)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        harness.Faults.FailNext(operation, code);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => operation == SimOperation.StartPush ? StartPush(harness) : StartRecording(harness));

        AssertVendor(ex, code, category);
        Assert.Equal(IlvbErrorCatalog.Default.Lookup(code).Description, ex.Description);
        Assert.Empty(harness.State.ActivePushes);
        Assert.Empty(harness.State.ActiveRecordings);
    }

    [Theory]
    [InlineData(-1, IlvbErrorCategory.Fatal)]
    [InlineData(-2, IlvbErrorCategory.Fatal)]
    [InlineData(-3, IlvbErrorCategory.Transient)]
    [InlineData(-4, IlvbErrorCategory.Fatal)]
    [InlineData(-5, IlvbErrorCategory.Fatal)]
    public async Task InjectedHeaderResult_SurfacesAsHeaderResult(long result, IlvbErrorCategory category)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        harness.Faults.FailNext(SimOperation.StopPush, result);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => harness.Client.StopPushAsync(new StopPushRequest { Target = Anchor }));

        Assert.Equal(IlvbFailureKind.HeaderResult, ex.Kind);
        Assert.Equal(result, ex.Code);
        Assert.Equal(category, ex.Category);
        Assert.Equal(result == -3, ex.OutcomeUnknown);
    }

    [Fact]
    public async Task WrongSequence_IsDetected_AndTheOutcomeIsUnknown()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        harness.Faults.WrongSequenceNext(SimOperation.StartPush);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        Assert.Equal(IlvbFailureKind.SequenceMismatch, ex.Kind);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
        Assert.True(ex.OutcomeUnknown);
        // The simulator did act: exactly why an unverified answer must not count as success or failure.
        Assert.Single(harness.State.ActivePushes);
    }

    private static Task<StartPushResult> StartPush(SimulatorHarness harness) =>
        harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c" });

    private static Task StartRecording(SimulatorHarness harness) =>
        harness.Client.StartRecordingAsync(new StartRecordingRequest { Target = Anchor, FileName = "f" });

    private static void AssertVendor(IlvbException ex, long code, IlvbErrorCategory category)
    {
        Assert.Equal(IlvbFailureKind.VendorCode, ex.Kind);
        Assert.Equal(code, ex.Code);
        Assert.Equal(category, ex.Category);
    }
}
