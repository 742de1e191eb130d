using System.Text.Json;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.Host.Tests;

/// <summary>The queue listeners against a real Azurite: start and signal sessions, and poison what cannot be handled.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class QueueTests(AzuriteFixture azurite)
{
    private static int s_queueNumber;

    [Fact]
    public async Task SessionRequestAndUserJoinedMessages_StartTheSessionAndLeaveNothingBehind()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);
        var request = Requests.Session("from-queue", roomId: 4004, userId: "anchor-q");

        await SendAsync(queues.Requests, JsonSerializer.Serialize(request, DurableJson.Options));
        await SendAsync(queues.Requests, JsonSerializer.Serialize(request, DurableJson.Options)); // delivered twice: still one session
        var id = SessionIds.ForSession(4004, "anchor-q", "from-queue");
        await WaitForSessionToExistAsync(host, id);
        host.Simulator.State.JoinUser(4004, "anchor-q");
        await SendAsync(queues.Joined, JsonSerializer.Serialize(new UserJoinedMessage { SessionId = id }, DurableJson.Options));

        await host.WaitForSessionAsync(id, view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(id)}/cancel"));
        await host.WaitForResultAsync(id);

        Assert.Equal(1, host.Simulator.State.StartedPushCount(4004, "anchor-q"));
        await AssertDrainedAsync(queues.Requests);
        await AssertDrainedAsync(queues.Joined);
        Assert.Empty(await PeekAsync(QueueOptions.PoisonQueueName(queues.Requests)));
        Assert.Empty(await PeekAsync(QueueOptions.PoisonQueueName(queues.Joined)));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task UserJoinedMessageByRoomAndUser_SignalsTheWaitingSession()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);
        var links = await host.CreateSessionAsync(Requests.Session("room-signal", roomId: 4005, userId: "anchor-r"));
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");
        host.Simulator.State.JoinUser(4005, "anchor-r");

        await SendAsync(queues.Joined, """{"roomId": 4005, "userId": "anchor-r"}""");

        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");
        await host.PostAcceptedAsync(links.CancelUrl);
        await host.WaitForResultAsync(links.Id);
        await AssertDrainedAsync(queues.Joined);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task SessionRequest_NotJson_GoesToPoisonAtOnceWithTheReason()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);

        await SendAsync(queues.Requests, "{ this is not json");

        var poisoned = await WaitForPoisonAsync(queues.Requests);
        Assert.Equal("{ this is not json", poisoned.Message);
        Assert.Equal(1, poisoned.DequeueCount);
        Assert.Equal(queues.Requests, poisoned.Queue);
        Assert.Contains("not a valid SessionRequest in JSON", poisoned.Error, StringComparison.Ordinal);
        await AssertDrainedAsync(queues.Requests);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task SessionRequest_InvalidFields_GoesToPoisonNamingEachField()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);

        await SendAsync(queues.Requests, """{"roomId": 0, "userId": "a:b"}""");

        var poisoned = await WaitForPoisonAsync(queues.Requests);
        Assert.NotNull(poisoned.Errors);
        Assert.Contains("roomId", poisoned.Errors.Keys);
        Assert.Contains("userId", poisoned.Errors.Keys);
        Assert.Contains("channelName", poisoned.Errors.Keys);
        Assert.Empty((await host.Http.GetFromJsonAsync<SessionPage>("/api/sessions", DurableJson.Options))!.Items);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task UserJoined_ForAnUnknownSession_IsRetriedFiveTimesThenPoisoned()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);

        await SendAsync(queues.Joined, """{"sessionId": "r1:unobody:none"}""");

        var poisoned = await WaitForPoisonAsync(queues.Joined);
        Assert.Equal(5, poisoned.DequeueCount);
        Assert.Contains("Failed 5 times", poisoned.Error, StringComparison.Ordinal);
        Assert.Contains("r1:unobody:none", poisoned.Error, StringComparison.Ordinal);
        await AssertDrainedAsync(queues.Joined);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Message_NotBase64_GoesToPoisonWithTheReason()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);
        var plain = new QueueClient(azurite.ConnectionString, queues.Requests, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await plain.CreateIfNotExistsAsync();

        await plain.SendMessageAsync("plain text, not base64!");

        var poisoned = await WaitForPoisonAsync(queues.Requests);
        Assert.Equal("plain text, not base64!", poisoned.Message);
        Assert.Contains("Base64", poisoned.Error, StringComparison.Ordinal);
        await AssertDrainedAsync(queues.Requests);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task InvalidMessage_TooLargeToWrap_GoesToPoisonAsItCame_AndTheRestOfItsBatchIsHandled()
    {
        // 20,000 escaped quotes: within the queue's limit, but twice that once escaped again inside the envelope.
        var queues = NewQueueNames();
        var huge = "{\"roomId\": 4006, \"userId\": \"anchor-big\", \"channelName\": \"" + string.Concat(Enumerable.Repeat("\\\"", 20_000)) + "\"}";
        var valid = Requests.Session("after-big", roomId: 4007, userId: "anchor-after");
        await SendAsync(queues.Requests, huge);
        await SendAsync(queues.Requests, JsonSerializer.Serialize(valid, DurableJson.Options));

        await using var host = await StartHostAsync(queues);

        await WaitForSessionToExistAsync(host, SessionIds.ForSession(4007, "anchor-after", "after-big"));
        var moved = await Poll.UntilAsync(async () => (await PeekAsync(QueueOptions.PoisonQueueName(queues.Requests))).Count == 1);
        Assert.True(moved, "the large message never reached the poison queue");
        Assert.Equal(huge, (await PeekAsync(QueueOptions.PoisonQueueName(queues.Requests)))[0]);
        await AssertDrainedAsync(queues.Requests);
        await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(SessionIds.ForSession(4007, "anchor-after", "after-big"))}/cancel"));
        await host.WaitForResultAsync(SessionIds.ForSession(4007, "anchor-after", "after-big"));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task AMessageWhoseMoveToPoisonFails_StaysInItsQueue_AndTheRestOfItsBatchIsHandled()
    {
        var queues = NewQueueNames();
        // Polls two seconds apart, so the two messages sent between polls arrive in one batch.
        await using var host = await StartHostAsync(queues, new Dictionary<string, string?>
        {
            ["Queues:MinPollingInterval"] = "00:00:02",
            ["Queues:MaxPollingInterval"] = "00:00:02",
            ["Queues:VisibilityTimeout"] = "00:10:00",
        });
        var poison = Client(QueueOptions.PoisonQueueName(queues.Requests));
        Assert.True(await Poll.UntilAsync(async () => await poison.ExistsAsync()), "the listener never created its poison queue");
        await poison.DeleteAsync(); // every move to it now fails

        var valid = Requests.Session("after-failed-move", roomId: 4009, userId: "anchor-batch");
        await SendAsync(queues.Requests, "{ not json");
        await SendAsync(queues.Requests, JsonSerializer.Serialize(valid, DurableJson.Options));

        var id = SessionIds.ForSession(4009, "anchor-batch", "after-failed-move");
        await WaitForSessionToExistAsync(host, id);
        var stays = await Poll.UntilAsync(async () => (await Client(queues.Requests).GetPropertiesAsync()).Value.ApproximateMessagesCount == 1);
        Assert.True(stays, "the message that could not be moved was lost or the valid one was left");
        await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(id)}/cancel"));
        await host.WaitForResultAsync(id);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task KeylessSessionRequest_FromTheQueue_IsKeyedByItsMessageId()
    {
        var queues = NewQueueNames();
        await using var host = await StartHostAsync(queues);
        var client = Client(queues.Requests);
        await client.CreateIfNotExistsAsync();

        var sent = await client.SendMessageAsync(JsonSerializer.Serialize(Requests.Session("unused", roomId: 4010, userId: "anchor-keyless") with { Key = null }, DurableJson.Options));

        var id = SessionIds.ForSession(4010, "anchor-keyless", "q-" + sent.Value.MessageId);
        await WaitForSessionToExistAsync(host, id);
        await AssertDrainedAsync(queues.Requests);
        await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(id)}/cancel"));
        await host.WaitForResultAsync(id);
        host.AssertNothingLeftRunning();
    }

    private static (string Requests, string Joined) NewQueueNames()
    {
        var number = Interlocked.Increment(ref s_queueNumber);
        var run = Guid.NewGuid().ToString("N")[..8];
        return ($"requests-{run}-{number}", $"joined-{run}-{number}");
    }

    private Task<TestHost> StartHostAsync((string Requests, string Joined) queues, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Queues:ConnectionString"] = azurite.ConnectionString,
            ["Queues:SessionRequestsQueue"] = queues.Requests,
            ["Queues:UserJoinedQueue"] = queues.Joined,
            ["Queues:RetryDelay"] = "00:00:00.100",
            ["Queues:MinPollingInterval"] = "00:00:00.050",
            ["Queues:MaxPollingInterval"] = "00:00:00.250",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestHost.StartAsync(settings);
    }

    private async Task SendAsync(string queue, string message)
    {
        var client = Client(queue);
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync(message);
    }

    private async Task<PoisonMessage> WaitForPoisonAsync(string queue)
    {
        PoisonMessage? poisoned = null;
        var found = await Poll.UntilAsync(async () =>
        {
            var messages = await PeekAsync(QueueOptions.PoisonQueueName(queue));
            poisoned = messages.Count > 0 ? JsonSerializer.Deserialize<PoisonMessage>(messages[0], JsonSerializerOptions.Web) : null;
            return poisoned is not null;
        });
        Assert.True(found, $"nothing arrived in {QueueOptions.PoisonQueueName(queue)}");
        return poisoned!;
    }

    private async Task AssertDrainedAsync(string queue)
    {
        var client = Client(queue);
        var drained = await Poll.UntilAsync(async () => (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        Assert.True(drained, $"{queue} still holds messages");
    }

    private async Task<IReadOnlyList<string>> PeekAsync(string queue)
    {
        var client = Client(queue);
        if (!await client.ExistsAsync())
        {
            return [];
        }

        var peeked = await client.PeekMessagesAsync(maxMessages: 32);
        return [.. peeked.Value.Select(message => message.Body.ToString())];
    }

    private static async Task WaitForSessionToExistAsync(TestHost host, string id)
    {
        var exists = await Poll.UntilAsync(async () =>
        {
            using var response = await host.Http.GetAsync($"/api/sessions/{Uri.EscapeDataString(id)}");
            return response.IsSuccessStatusCode;
        });
        Assert.True(exists, $"the queue never created session {id}");
    }

    private QueueClient Client(string queue) =>
        new(azurite.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
