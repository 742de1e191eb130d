using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ilvb.Tests;

/// <summary>UserSig and secret key never reach a log record or an exception, on success or failure.</summary>
public class SecretHygieneTests
{
    private static readonly StreamTarget Anchor = new(5005, "anchor_05");

    [Fact]
    public async Task GeneratedUserSig_AndSecretKey_NeverReachLogsOrExceptions()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await SimulatorHarness.StartAsync(clientTime: time);
        var userSig = await harness.Services.GetRequiredService<IUserSigProvider>().GetUserSigAsync();

        var exceptions = await RunSuccessesAndFailures(harness, time);

        AssertClean(harness.Services.Logs(), exceptions, [userSig, Uri.EscapeDataString(userSig), TestClients.SecretKey]);
        Assert.Contains(harness.Services.Logs().GetSnapshot(), r => r.Id.Name == "UserSigIssued");
    }

    [Fact]
    public async Task ConfiguredUserSig_NeverReachesLogsOrExceptions()
    {
        var configured = UserSig.Generate(TestClients.SdkAppId, TestClients.SecretKey, TestClients.Identifier, TimeSpan.FromDays(2), DateTimeOffset.UtcNow);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await SimulatorHarness.StartAsync(
            client: o =>
            {
                o.SecretKey = null;
                o.UserSig = configured;
            },
            clientTime: time);

        var exceptions = await RunSuccessesAndFailures(harness, time);

        AssertClean(harness.Services.Logs(), exceptions, [configured, Uri.EscapeDataString(configured)]);
    }

    private static async Task<List<Exception>> RunSuccessesAndFailures(SimulatorHarness harness, FakeTimeProvider time)
    {
        var client = harness.Client;
        var exceptions = new List<Exception>();
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        await client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c", Tape = true });
        await client.StartRecordingAsync(new StartRecordingRequest { Target = Anchor, FileName = "f" });
        await client.StopRecordingAsync(new StopRecordingRequest { Target = Anchor });
        await client.StopPushAsync(new StopPushRequest { Target = Anchor });

        var faults = new List<Action<FaultPlan>>
        {
            f => f.FailNext(SimOperation.StopPush, -3),
            f => f.FailNext(SimOperation.StopPush, 40000208),
            f => f.HttpErrorNext(SimOperation.StopPush, 500),
            f => f.MalformedNext(SimOperation.StopPush),
            f => f.DropNext(SimOperation.StopPush),
            f => f.WrongSequenceNext(SimOperation.StopPush),
            _ => { }, // nothing running: 40000412
        };
        foreach (var fault in faults)
        {
            fault(harness.Faults);
            exceptions.Add(await Assert.ThrowsAsync<IlvbException>(() => client.StopPushAsync(new StopPushRequest { Target = Anchor })));
        }

        // A timeout: the simulator holds the call; once it has taken the delay, the client's clock passes the timeout.
        harness.Faults.DelayNext(SimOperation.StopPush, TimeSpan.FromMinutes(5));
        var held = client.StopPushAsync(new StopPushRequest { Target = Anchor });
        await Eventually.TrueAsync(() => harness.Faults.PendingCount(SimOperation.StopPush) == 0);
        time.Advance(TestClients.RequestTimeout);
        exceptions.Add(await Assert.ThrowsAsync<IlvbException>(() => held));

        exceptions.Add(await Assert.ThrowsAsync<ArgumentException>(() => client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "" })));
        Assert.Equal(
            [IlvbFailureKind.HeaderResult, IlvbFailureKind.VendorCode, IlvbFailureKind.HttpStatus, IlvbFailureKind.MalformedResponse,
             IlvbFailureKind.ConnectionLost, IlvbFailureKind.SequenceMismatch, IlvbFailureKind.VendorCode, IlvbFailureKind.Timeout],
            exceptions.OfType<IlvbException>().Select(e => e.Kind));
        return exceptions;
    }

    private static void AssertClean(FakeLogCollector logs, List<Exception> exceptions, string[] secrets)
    {
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Name == "CallSucceeded");
        Assert.Contains(records, r => r.Id.Name == "CallFailed" && r.Exception is IlvbException);
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http", StringComparison.Ordinal) == true);

        var texts = records
            .SelectMany(r => new[] { r.Message, r.Exception?.ToString() }
                .Concat(r.StructuredState?.Select(p => p.Value) ?? []))
            .Concat(exceptions.Select(e => e.ToString()))
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(texts, text => text.Contains("usersig=", StringComparison.OrdinalIgnoreCase));
    }
}
