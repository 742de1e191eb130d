namespace Broadcast.BadInput.Tests;

/// <summary>Bad settings the host must refuse at start, each with a message naming the setting.</summary>
public static class ConfigCases
{
    public static IReadOnlyDictionary<string, ConfigCase> ByName { get; } =
        All().Concat(DatabaseFileCases()).ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names() => [.. All().Select(c => c.Name)];

    /// <summary>A database file that cannot be opened (under a file, a folder, in /proc): found only when the engine opens it.</summary>
    public static TheoryData<string> DatabaseFileNames() => [.. DatabaseFileCases().Select(c => c.Name)];

    private static IEnumerable<ConfigCase> DatabaseFileCases()
    {
        yield return Case("Engine:DatabasePath under a file", "Engine:DatabasePath", Path.Combine(typeof(ConfigCases).Assembly.Location, "broadcast.db"), "Engine:DatabasePath");
        yield return Case("Engine:DatabasePath is a folder", "Engine:DatabasePath", Path.GetTempPath(), "Engine:DatabasePath");
        yield return Case("Engine:DatabasePath in /proc", "Engine:DatabasePath", "/proc/broadcast/broadcast.db", "Engine:DatabasePath");
        yield return Case("Ledger:DatabasePath in /proc", "Ledger:DatabasePath", "/proc/broadcast/ledger.db", "Ledger:DatabasePath");
        yield return Case("Ledger:DatabasePath under a file", "Ledger:DatabasePath", Path.Combine(typeof(ConfigCases).Assembly.Location, "ledger.db"), "Ledger:DatabasePath");
        yield return Webhooks("Webhooks:DatabasePath in /proc", "/proc/broadcast/room-events.db");
        yield return Webhooks("Webhooks:DatabasePath under a file", Path.Combine(typeof(ConfigCases).Assembly.Location, "room-events.db"));
    }

    private static IEnumerable<ConfigCase> All()
    {
        yield return Case("Ilvb:SdkAppId missing", "Ilvb:SdkAppId", null, "Ilvb:SdkAppId");
        yield return Case("Ilvb:SdkAppId zero", "Ilvb:SdkAppId", "0", "Ilvb:SdkAppId");
        yield return Case("Ilvb:SdkAppId not a number", "Ilvb:SdkAppId", "my-app", "Ilvb:SdkAppId");
        yield return Case("Ilvb:SdkAppId beyond uint32", "Ilvb:SdkAppId", "4294967296", "Ilvb:SdkAppId");
        yield return Case("Ilvb:SdkAppId negative", "Ilvb:SdkAppId", "-1400000000", "Ilvb:SdkAppId");
        yield return new ConfigCase("Ilvb:UserSig and Ilvb:SecretKey both", new Dictionary<string, string?> { ["Ilvb:SecretKey"] = "a-secret-key" }, "Ilvb:UserSig&Ilvb:SecretKey");
        yield return Case("Ilvb:UserSig and Ilvb:SecretKey neither", "Ilvb:UserSig", null, "Ilvb:UserSig&Ilvb:SecretKey");
        yield return Case("Ilvb:Identifier missing", "Ilvb:Identifier", null, "Ilvb:Identifier");
        yield return Case("Ilvb:BaseUrl not http", "Ilvb:BaseUrl", "ftp://127.0.0.1/", "Ilvb:BaseUrl");
        yield return Case("Ilvb:BaseUrl relative", "Ilvb:BaseUrl", "videorelay/here", "Ilvb:BaseUrl");
        yield return Case("Ilvb:RequestTimeout negative", "Ilvb:RequestTimeout", "-00:00:01", "Ilvb:RequestTimeout");
        yield return Case("Ilvb:RequestTimeout not a time", "Ilvb:RequestTimeout", "soon", "Ilvb:RequestTimeout");
        yield return Case("Ilvb:Environment unknown", "Ilvb:Environment", "Staging", "Ilvb:Environment");
        yield return Case("Ilvb:ClientCertificatePath missing file", "Ilvb:ClientCertificatePath", "/nonexistent/client.pfx", "Ilvb:ClientCertificatePath");
        yield return Case("Engine:DatabasePath empty", "Engine:DatabasePath", "", "Engine:DatabasePath");
        yield return Case("Engine:MaxConcurrentOrchestrations zero", "Engine:MaxConcurrentOrchestrations", "0", "Engine:MaxConcurrentOrchestrations");
        yield return new ConfigCase("non-loopback without Host:ApiKey", new Dictionary<string, string?> { ["Host:ApiKey"] = null, ["urls"] = "http://0.0.0.0:0" }, "Host:ApiKey");
        yield return new ConfigCase("all interfaces by port without Host:ApiKey", new Dictionary<string, string?> { ["Host:ApiKey"] = "", ["urls"] = "http://*:0" }, "Host:ApiKey");
        yield return Case("Host:MaxRequestBodyBytes tiny", "Host:MaxRequestBodyBytes", "10", "MaxRequestBodyBytes");
        yield return Case("Sessions:StartRetry:MaxAttempts zero", "Sessions:StartRetry:MaxAttempts", "0", "Sessions:StartRetry:MaxAttempts");
        yield return Case("Sessions:DefaultJoinTimeout zero", "Sessions:DefaultJoinTimeout", "00:00:00", "Sessions:DefaultJoinTimeout");
        yield return Case("Queues:SessionRequestsQueue bad name", "Queues:SessionRequestsQueue", "Session_Requests", "SessionRequestsQueue");
        yield return Case("Queues:ConnectionString not a connection string", "Queues:ConnectionString", "queues-on-my-laptop", "Queues:ConnectionString");
        yield return Case("Queues:MaxDequeueCount zero", "Queues:MaxDequeueCount", "0", "MaxDequeueCount");
        yield return Case("Queues:MessageEncoding unknown", "Queues:MessageEncoding", "7", "Queues:MessageEncoding");
        yield return Case("Host:UseSimulator not a boolean", "Host:UseSimulator", "yes", "Host:UseSimulator");
        yield return Case("Host:OtlpEndpoint relative", "Host:OtlpEndpoint", "collector", "Host:OtlpEndpoint");
        yield return Case("Engine:CompletionPollInterval beyond an hour", "Engine:CompletionPollInterval", "100.00:00:00", "Engine:CompletionPollInterval");
        yield return Case("Engine:StepRetryDelay beyond an hour", "Engine:StepRetryDelay", "2.00:00:00", "Engine:StepRetryDelay");
        yield return Case("Ilvb:UserSig an unresolved Key Vault reference", "Ilvb:UserSig", UnresolvedReference("usersig"), "Ilvb:UserSig");
        yield return Case("Host:ApiKey an unresolved Key Vault reference", "Host:ApiKey", UnresolvedReference("api-key"), "Host:ApiKey");
        yield return Case("Webhooks:SigningKey an unresolved Key Vault reference", "Webhooks:SigningKey", UnresolvedReference("webhook-key"), "Webhooks:SigningKey");
    }

    /// <summary>What App Service leaves in a setting whose Key Vault reference it could not resolve.</summary>
    private static string UnresolvedReference(string secret) => $"@Microsoft.KeyVault(SecretUri=https://kv-broadcast.vault.azure.net/secrets/{secret}/)";

    /// <summary>The webhook switched on (its store is opened only then) with an unusable file.</summary>
    private static ConfigCase Webhooks(string name, string path) => new(
        name, new Dictionary<string, string?> { ["Webhooks:SigningKey"] = BadInputFixture.WebhookKey, ["Webhooks:DatabasePath"] = path }, "Webhooks:DatabasePath");

    private static ConfigCase Case(string name, string key, string? value, string mentions) =>
        new(name, new Dictionary<string, string?> { [key] = value }, mentions);
}
