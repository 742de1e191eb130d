using System.ComponentModel.DataAnnotations;

namespace Broadcast.Host;

/// <summary>Settings of the embedded host (section <c>Host</c>).</summary>
public sealed class HostOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Host";

    /// <summary>The address used when no <c>urls</c>, ports or Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The SQLite file used when <c>Engine:DatabasePath</c> is not set, relative to the content root (the working directory).</summary>
    public const string DefaultDatabasePath = "data/broadcast.db";

    /// <summary>The header that carries the API key.</summary>
    public const string ApiKeyHeader = ApiKeyCheck.HeaderName;

    /// <summary>
    /// The key every call but <c>/healthz</c> must send in <c>X-Api-Key</c>. Null or empty turns the check off,
    /// which is refused at start when the host listens beyond loopback.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Request bodies larger than this are refused with 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Print what the host uses (addresses, database, backend, queues, key) and a first curl once it listens.</summary>
    public bool PrintSummary { get; set; } = true;

    /// <summary>Write metrics to the console every few seconds (for a look, not for production).</summary>
    public bool ConsoleMetrics { get; set; }

    /// <summary>Export metrics over OTLP to this endpoint (e.g. <c>http://127.0.0.1:4317</c>); null exports nothing.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
