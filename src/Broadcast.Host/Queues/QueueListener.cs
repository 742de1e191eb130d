using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Reads one Azure Storage queue the way the Azure Functions queue trigger does: batches, a visibility timeout while a
/// message is handled, retries by letting it reappear, and after <see cref="QueueOptions.MaxDequeueCount"/> receives a
/// move to <c>&lt;queue&gt;-poison</c> with the reason. A message that can never succeed is poisoned at once.
/// </summary>
internal abstract class QueueListener : BackgroundService
{
    private readonly QueueOptions _options;
    private readonly TimeProvider _time;
    private readonly HostMetrics _metrics;
    private readonly ILogger _logger;
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;

    protected QueueListener(string queueName, QueueOptions options, TimeProvider time, HostMetrics metrics, ILogger logger)
    {
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        QueueName = queueName;

        var clientOptions = new QueueClientOptions { MessageEncoding = options.MessageEncoding };
        clientOptions.MessageDecodingFailed += OnMessageDecodingFailedAsync;
        _queue = new QueueClient(options.ConnectionString, queueName, clientOptions);
        _poison = new QueueClient(options.ConnectionString, QueueOptions.PoisonQueueName(queueName), clientOptions);
    }

    /// <summary>The queue read.</summary>
    public string QueueName { get; }

    /// <summary>The host's instruments.</summary>
    protected HostMetrics Metrics => _metrics;

    /// <summary>The listener's logger.</summary>
    protected ILogger Logger => _logger;

    /// <summary>
    /// Handles one message. Throw <see cref="QueueMessageRejectedException"/> for a message that can never succeed;
    /// any other exception lets it be retried.
    /// </summary>
    /// <param name="message">The message text.</param>
    /// <param name="messageId">The queue's id of the message, the same at every delivery.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected abstract Task HandleAsync(string message, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Returns when <paramref name="outcome"/> is done; otherwise throws what makes <see cref="ProcessAsync"/> retry
    /// (<see cref="SignalNotDeliveredException"/>) or poison it at once (<see cref="QueueMessageRejectedException"/>).
    /// </summary>
    protected static void ThrowUnlessDone(QueueOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Action)
        {
            case QueueAction.Retry:
                throw new SignalNotDeliveredException(outcome.Reason ?? "Not handled yet.");
            case QueueAction.Poison:
                throw new QueueMessageRejectedException(outcome.Reason ?? "The message can never succeed.", outcome.Errors);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureQueuesAsync(stoppingToken);
        Log.QueueListening(_logger, QueueName, _options.MaxDequeueCount);

        var idle = _options.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var received = 0;
            try
            {
                received = await ReceiveAndProcessAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The storage account may be unreachable for a while; the listener must outlive that.
                Log.QueueFailure(_logger, QueueName, e.Message, e);
            }

            if (received > 0)
            {
                idle = _options.MinPollingInterval;
                continue;
            }

            await Task.Delay(idle, _time, stoppingToken);
            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
        }
    }

    private async Task<int> ReceiveAndProcessAsync(CancellationToken stoppingToken)
    {
        QueueMessage[] messages = (await _queue.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, stoppingToken)).Value;
        foreach (var message in messages)
        {
            try
            {
                await ProcessAsync(message, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // One message whose outcome could not be stored (its move to the poison queue failed, say) must not
                // hold back the rest of the batch; it reappears once its visibility timeout ends.
                Log.QueueFailure(_logger, QueueName, e.Message, e);
            }
        }

        return messages.Length;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > _options.MaxDequeueCount)
        {
            // Received more often than allowed without an outcome (e.g. the process died while handling it).
            await PoisonAsync(message, message.Body.ToString(), $"Received {message.DequeueCount} times without being handled.", null, stoppingToken);
            return;
        }

        try
        {
            await HandleAsync(message.Body.ToString(), message.MessageId, stoppingToken);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            _metrics.QueueMessage(QueueName, "processed");
        }
        catch (QueueMessageRejectedException e)
        {
            await PoisonAsync(message, message.Body.ToString(), e.Message, e.Errors, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= _options.MaxDequeueCount)
            {
                await PoisonAsync(message, message.Body.ToString(), $"Failed {message.DequeueCount} times; last error: {e.Message}", null, stoppingToken);
                return;
            }

            Log.QueueMessageRetry(_logger, QueueName, message.MessageId, message.DequeueCount, _options.MaxDequeueCount, e.Message);
            _metrics.QueueMessage(QueueName, "retried");
            await RetryLaterAsync(message, stoppingToken);
        }
    }

    private async Task RetryLaterAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _options.RetryDelay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e)
        {
            // The message reappears anyway once its visibility timeout ends.
            Log.QueueFailure(_logger, QueueName, e.Message, e);
        }
    }

    private async Task PoisonAsync(
        QueueMessage message, string text, string error, IReadOnlyDictionary<string, string[]>? errors, CancellationToken cancellationToken)
    {
        var envelope = new PoisonMessage(
            QueueName, message.MessageId, text, message.DequeueCount, message.InsertedOn, _time.GetUtcNow(), error, errors);
        var moved = false;
        foreach (var body in PoisonBodies.Of(envelope))
        {
            try
            {
                await _poison.SendMessageAsync(body, cancellationToken);
                moved = true;
                break;
            }
            catch (RequestFailedException e) when (e.Status == 413)
            {
                // Too large for a queue message once wrapped: the next, smaller form goes instead.
            }
        }

        if (!moved)
        {
            // Not deleted: the message stays in its queue rather than being lost.
            throw new InvalidOperationException($"Message {message.MessageId} is too large for {_poison.Name} in every form it can take.");
        }

        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        _metrics.QueueMessage(QueueName, "poisoned");
        Log.QueueMessagePoisoned(_logger, QueueName, message.MessageId, _poison.Name, error);
    }

    private async Task OnMessageDecodingFailedAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        try
        {
            await PoisonAsync(
                message,
                message.Body.ToString(),
                $"The message body is not {_options.MessageEncoding} as Queues:MessageEncoding expects.",
                null,
                args.CancellationToken);
        }
        catch (Exception e) when (!args.CancellationToken.IsCancellationRequested)
        {
            // Thrown from here it would fail the whole receive, and so the rest of the batch; the message stays in its
            // queue and is tried again once its visibility timeout ends.
            Log.QueueFailure(_logger, QueueName, e.Message, e);
        }
    }

    private async Task EnsureQueuesAsync(CancellationToken stoppingToken)
    {
        var delay = _options.MinPollingInterval;
        while (true)
        {
            try
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await _poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.QueueFailure(_logger, QueueName, e.Message, e);
            }

            await Task.Delay(delay, _time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollingInterval.Ticks));
        }
    }
}
