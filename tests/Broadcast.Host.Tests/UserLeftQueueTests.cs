using System.Text.Json;
using Azure.Storage.Queues;
using Broadcast.Sessions;

namespace Broadcast.Host.Tests;

/// <summary>The <c>user-left</c> queue against a real Azurite: it stops a live session, and poisons what it cannot handle.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class UserLeftQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UserLeftByRoom_StopsTheLiveSessionWithAnchorLeft()
    {
        var (left, names) = QueueNames();
        await using var host = await TestHost.StartAsync(names);
        var links = await host.CreateSessionAsync(Requests.Session("left-by-queue", roomId: 4101) with { LeaveGrace = TimeSpan.Zero });
        host.Simulator.State.JoinUser(4101, "anchor-1");
        await host.PostAcceptedAsync(links.UserJoinedUrl);
        await host.WaitForSessionAsync(links.Id, view => view.Status == SessionStatus.Live, "Live");

        await SendAsync(left, """{"roomId": 4101, "userId": "anchor-1"}""");
        var done = await host.WaitForResultAsync(links.Id);

        Assert.Equal(SessionOutcome.AnchorLeft, done.Result!.Outcome);
        Assert.Single(done.Calls("StopPush"));
        var drained = await Poll.UntilAsync(async () => (await Client(left).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        Assert.True(drained, $"{left} still holds the message");
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task UserLeft_NamingBothSessionAndRoom_IsPoisonedAtOnce()
    {
        var (left, names) = QueueNames();
        await using var host = await TestHost.StartAsync(names);

        await SendAsync(left, """{"sessionId": "r1:ua:k", "roomId": 1, "userId": "a"}""");

        PoisonMessage? poisoned = null;
        var found = await Poll.UntilAsync(async () =>
        {
            var poison = Client(QueueOptions.PoisonQueueName(left));
            if (!await poison.ExistsAsync())
            {
                return false;
            }

            var peeked = (await poison.PeekMessagesAsync()).Value;
            poisoned = peeked.Length > 0 ? JsonSerializer.Deserialize<PoisonMessage>(peeked[0].Body.ToString(), JsonSerializerOptions.Web) : null;
            return poisoned is not null;
        });
        Assert.True(found, "nothing was poisoned");
        Assert.Equal(1, poisoned!.DequeueCount);
        Assert.Equal(left, poisoned.Queue);
        Assert.Contains("A user-left message names either 'sessionId', or 'roomId' and 'userId'", poisoned.Error, StringComparison.Ordinal);
        Assert.Contains("sessionId", poisoned.Errors!.Keys);
        host.AssertNothingLeftRunning();
    }

    private (string Left, Dictionary<string, string?> Settings) QueueNames()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var left = $"left-{run}";
        return (left, new Dictionary<string, string?>
        {
            ["Queues:ConnectionString"] = azurite.ConnectionString,
            ["Queues:SessionRequestsQueue"] = $"requests-{run}",
            ["Queues:UserJoinedQueue"] = $"joined-{run}",
            ["Queues:UserLeftQueue"] = left,
            ["Queues:RetryDelay"] = "00:00:00.100",
            ["Queues:MinPollingInterval"] = "00:00:00.050",
            ["Queues:MaxPollingInterval"] = "00:00:00.250",
        });
    }

    private async Task SendAsync(string queue, string message)
    {
        var client = Client(queue);
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync(message);
    }

    private QueueClient Client(string queue) =>
        new(azurite.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
