using System.ComponentModel.DataAnnotations;
using Azure.Storage.Queues;

namespace Broadcast.Host;

/// <summary>The Azure Storage queues the host listens to (section <c>Queues</c>).</summary>
public sealed class QueueOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Queues";

    /// <summary>
    /// An Azure Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite on its default ports).
    /// Null or empty: no queue is read.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue of session requests (each message a session request in JSON).</summary>
    [Required, RegularExpression(QueueNamePattern, ErrorMessage = QueueNameError)]
    public string SessionRequestsQueue { get; set; } = "session-requests";

    /// <summary>The queue of "user joined" signals.</summary>
    [Required, RegularExpression(QueueNamePattern, ErrorMessage = QueueNameError)]
    public string UserJoinedQueue { get; set; } = "user-joined";

    /// <summary>The queue of "user left" signals (the same messages as <see cref="UserJoinedQueue"/>).</summary>
    [Required, RegularExpression(QueueNamePattern, ErrorMessage = QueueNameError)]
    public string UserLeftQueue { get; set; } = "user-left";

    /// <summary>A message received this many times without success moves to <c>&lt;queue&gt;-poison</c>.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How many messages one receive call takes (the service allows 1 to 32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a received message stays invisible to other readers while it is handled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "07:00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After a failed attempt, the message becomes visible again after this delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "07:00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after an empty receive; it doubles up to <see cref="MaxPollingInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between receives while the queue stays empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How message bodies are encoded; <c>Base64</c> is what Azure Functions reads and writes by default.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>True when a connection string is set, so the listeners run.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The poison queue of <paramref name="queueName"/>.</summary>
    public static string PoisonQueueName(string queueName) => queueName + "-poison";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !IsConnectionString(ConnectionString!))
        {
            // The value is not echoed: a connection string carries the account key.
            yield return new ValidationResult(
                "Queues:ConnectionString is not an Azure Storage connection string (UseDevelopmentStorage=true for Azurite, " +
                "or DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net).",
                [nameof(ConnectionString)]);
        }

        if (!Enum.IsDefined(MessageEncoding))
        {
            yield return new ValidationResult(
                $"Queues:MessageEncoding must be Base64 or None (was {(int)MessageEncoding}).", [nameof(MessageEncoding)]);
        }

        if (MinPollingInterval > MaxPollingInterval)
        {
            yield return new ValidationResult(
                $"Queues:MinPollingInterval ({MinPollingInterval}) must not exceed Queues:MaxPollingInterval ({MaxPollingInterval}).",
                [nameof(MinPollingInterval), nameof(MaxPollingInterval)]);
        }

        if (string.Equals(SessionRequestsQueue, UserJoinedQueue, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"Queues:SessionRequestsQueue and Queues:UserJoinedQueue must differ (both are '{UserJoinedQueue}').",
                [nameof(SessionRequestsQueue), nameof(UserJoinedQueue)]);
        }

        if (string.Equals(UserLeftQueue, SessionRequestsQueue, StringComparison.Ordinal)
            || string.Equals(UserLeftQueue, UserJoinedQueue, StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"Queues:UserLeftQueue must differ from Queues:SessionRequestsQueue and Queues:UserJoinedQueue (it is '{UserLeftQueue}').",
                [nameof(UserLeftQueue)]);
        }
    }

    // Azure queue names: 3-63 lowercase letters, digits and single dashes; "-poison" must still fit.
    private const string QueueNamePattern = "^(?!-)(?!.*--)[a-z0-9-]{3,56}(?<!-)$";
    private const string QueueNameError = "{0} must be 3 to 56 lowercase letters, digits or single dashes (the '-poison' queue must fit in 63).";

    private static bool IsConnectionString(string value)
    {
        try
        {
            // Parses only; nothing is sent until a queue is used.
            _ = new QueueServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
