using Azure.Storage.Queues;
using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>Writes to the host's two queues the way a producer would (Base64, as Azure Functions does), and reads the poison queues.</summary>
internal sealed class QueueSender
{
    private readonly QueueClient _sessionRequests;
    private readonly QueueClient _userJoined;

    public QueueSender(string connectionString)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        _sessionRequests = new QueueClient(connectionString, "session-requests", options);
        _userJoined = new QueueClient(connectionString, "user-joined", options);
        SessionRequestsPoison = new QueueClient(connectionString, "session-requests-poison", options);
        UserJoinedPoison = new QueueClient(connectionString, "user-joined-poison", options);
    }

    public QueueClient SessionRequestsPoison { get; }

    public QueueClient UserJoinedPoison { get; }

    public async Task CreateQueuesAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in (QueueClient[])[_sessionRequests, _userJoined, SessionRequestsPoison, UserJoinedPoison])
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public Task SendSessionRequestAsync(SessionRequest request, CancellationToken cancellationToken) =>
        _sessionRequests.SendMessageAsync(DurableJson.Serialize(request), cancellationToken);

    public Task SendUserJoinedAsync(UserJoinedMessage message, CancellationToken cancellationToken) =>
        _userJoined.SendMessageAsync(DurableJson.Serialize(message), cancellationToken);

    /// <summary>Every message in a poison queue (read and removed).</summary>
    public static async Task<IReadOnlyList<string>> DrainAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
        }
    }
}
