using System.Text.Json;
using System.Text.Json.Serialization;
using Broadcast.Sessions;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Broadcast.Api.Tests;

public sealed class QueueMessageProcessorTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly QueueMessageProcessor _processor;

    public QueueMessageProcessorTests()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        json.Converters.Add(new JsonStringEnumConverter());
        var sessions = new SessionService(
            new EmptyOrchestrationClient(),
            Options.Create(new SessionOptions()),
            new SessionMetrics(_services.GetRequiredService<IMeterFactory>()),
            TimeProvider.System,
            NullLogger<SessionService>.Instance,
            new InMemoryLeakLedger());
        _processor = new QueueMessageProcessor(sessions, json);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task SessionRequest_BadJson_IsPoisonedNamingTheField()
    {
        var outcome = await _processor.SessionRequestAsync("{\"roomId\": \"twelve\"}", "m1", CancellationToken.None);

        Assert.Equal(QueueAction.Poison, outcome.Action);
        Assert.StartsWith("The message is not a valid SessionRequest in JSON: at 'roomId':", outcome.Reason, StringComparison.Ordinal);
        Assert.True(outcome.Errors!.ContainsKey("roomId"));
    }

    [Fact]
    public async Task SessionRequest_JsonNull_IsPoisoned()
    {
        var outcome = await _processor.SessionRequestAsync("null", "m1", CancellationToken.None);

        Assert.Equal(QueueOutcome.Poison("The message is JSON null, not a SessionRequest."), outcome with { SessionIds = [] });
    }

    [Fact]
    public async Task SessionRequest_InvalidFields_IsPoisonedWithTheFieldErrors()
    {
        var outcome = await _processor.SessionRequestAsync("{\"roomId\": 0, \"userId\": \"\"}", "m1", CancellationToken.None);

        Assert.Equal(QueueAction.Poison, outcome.Action);
        Assert.StartsWith("The session request is not valid: ", outcome.Reason, StringComparison.Ordinal);
        Assert.True(outcome.Errors!.ContainsKey("roomId"));
    }

    [Fact]
    public async Task Signal_BothSessionAndRoom_IsPoisoned()
    {
        var outcome = await _processor.PresenceSignalAsync(
            "user-joined", PresenceSignal.Joined, "{\"sessionId\": \"r1:ua:k\", \"roomId\": 1, \"userId\": \"a\"}", CancellationToken.None);

        Assert.Equal(QueueAction.Poison, outcome.Action);
        Assert.Equal("A user-joined message names either 'sessionId', or 'roomId' and 'userId'.", outcome.Reason);
    }

    [Fact]
    public async Task Signal_RoomWithoutUser_IsPoisonedNamingUserId()
    {
        var outcome = await _processor.PresenceSignalAsync("user-left", PresenceSignal.Left, "{\"roomId\": 1}", CancellationToken.None);

        Assert.Equal(QueueAction.Poison, outcome.Action);
        Assert.Equal("A user-left message by room needs both 'roomId' and 'userId'; 'userId' is missing.", outcome.Reason);
        Assert.True(outcome.Errors!.ContainsKey("userId"));
    }

    [Fact]
    public async Task Signal_UnknownSession_IsRetried()
    {
        var outcome = await _processor.PresenceSignalAsync("user-joined", PresenceSignal.Joined, "{\"sessionId\": \"r1:ua:k\"}", CancellationToken.None);

        Assert.Equal(QueueAction.Retry, outcome.Action);
        Assert.Equal("No session has the id 'r1:ua:k' (yet).", outcome.Reason);
    }

    [Fact]
    public async Task Signal_NoSessionInTheRoom_IsRetried()
    {
        var outcome = await _processor.PresenceSignalAsync("user-joined", PresenceSignal.Joined, "{\"roomId\": 7, \"userId\": \"anchor\"}", CancellationToken.None);

        Assert.Equal(QueueAction.Retry, outcome.Action);
        Assert.Equal("No waiting or live session of user 'anchor' in room 7 (yet).", outcome.Reason);
    }
}
