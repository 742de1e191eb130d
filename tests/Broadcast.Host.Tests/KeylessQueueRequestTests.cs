using System.Text.Json;
using Broadcast.Api;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host.Tests;

/// <summary>A keyless session request from a queue, delivered more than once (queues deliver at least once).</summary>
public sealed class KeylessQueueRequestTests
{
    [Fact]
    public async Task RedeliveryOfTheSameMessage_IsARepeat_WhileAnotherMessageStartsItsOwnSession()
    {
        await using var host = await TestHost.StartAsync();
        var processor = new QueueMessageProcessor(
            host.App.Services.GetRequiredService<SessionService>(),
            host.App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var text = JsonSerializer.Serialize(Requests.Session("unused", roomId: 4008, userId: "anchor-k") with { Key = null }, DurableJson.Options);
        const string messageId = "8c1e2f4a-0b7d-4c39-9e51-2d6f0a3b7c11";

        var first = await processor.SessionRequestAsync(text, messageId, CancellationToken.None);
        var redelivered = await processor.SessionRequestAsync(text, messageId, CancellationToken.None);
        var another = await processor.SessionRequestAsync(text, "9d2f3a5b-1c8e-4d40-8f62-3e7a1b4c8d22", CancellationToken.None);

        Assert.Equal(QueueAction.Done, first.Action);
        Assert.Equal([SessionIds.ForSession(4008, "anchor-k", "q-" + messageId)], first.SessionIds);
        Assert.True(first.Created);
        Assert.Equal(first.SessionIds, redelivered.SessionIds);
        Assert.False(redelivered.Created);
        Assert.True(another.Created);
        Assert.NotEqual(first.SessionIds, another.SessionIds);
        foreach (var id in first.SessionIds.Concat(another.SessionIds))
        {
            await host.PostAcceptedAsync(new Uri(host.BaseAddress, $"/api/sessions/{Uri.EscapeDataString(id)}/cancel"));
            await host.WaitForResultAsync(id);
        }

        host.AssertNothingLeftRunning();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a-message-id-far-too-long-to-be-part-of-a-session-key-of-64-chars")]
    public void AMessageIdThatCannotBePartOfAKey_GivesNoKey(string? messageId) => Assert.Null(SessionIds.ForQueueMessage(messageId));
}
