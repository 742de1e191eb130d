namespace Broadcast.BadInput.Tests;

/// <summary>The configuration the tests start the host with: loopback, a temp SQLite file, fast retries, and the given vendor and queues.</summary>
public static class HostSettings
{
    public const string UserSig = "bad-input-usersig";

    public static Dictionary<string, string?> For(string folder, Uri vendor, string? queues) => new()
    {
        ["Engine:DatabasePath"] = Path.Combine(folder, "broadcast.db"),
        ["Host:ApiKey"] = BadInputFixture.ApiKey,
        ["Host:PrintSummary"] = "false",
        ["Ilvb:BaseUrl"] = vendor.ToString(),
        ["Ilvb:SdkAppId"] = "1400000000",
        ["Ilvb:Identifier"] = "administrator",
        ["Ilvb:UserSig"] = UserSig,
        ["Ilvb:RequestTimeout"] = "00:00:03",
        ["Queues:ConnectionString"] = queues,
        ["Queues:MaxDequeueCount"] = "3",
        ["Queues:RetryDelay"] = "00:00:00.100",
        ["Queues:MinPollingInterval"] = "00:00:00.020",
        ["Queues:MaxPollingInterval"] = "00:00:00.200",
        ["Sessions:StartRetry:FirstDelay"] = "00:00:00.050",
        ["Sessions:StartRetry:MaxDelay"] = "00:00:00.200",
        ["Sessions:StartRetry:MaxAttempts"] = "3",
        ["Sessions:StopRetry:FirstDelay"] = "00:00:00.050",
        ["Sessions:StopRetry:MaxDelay"] = "00:00:00.200",
        ["Webhooks:SigningKey"] = BadInputFixture.WebhookKey,
        ["Logging:LogLevel:Default"] = "Error",
    };
}
