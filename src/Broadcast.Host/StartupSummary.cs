using Broadcast.Durable;
using Broadcast.Ilvb;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>What the host tells its operator once it listens: where, on which database and backend, and a first call to try.</summary>
internal sealed class StartupSummary(
    IOptions<HostOptions> host,
    IOptions<QueueOptions> queues,
    IOptions<DurableEngineOptions> engine,
    IOptions<IlvbOptions> ilvb,
    IServiceProvider services,
    ILogger<StartupSummary> logger)
{
    public void Report(ICollection<string> addresses)
    {
        var listening = string.Join(", ", addresses);
        var database = Path.GetFullPath(engine.Value.DatabasePath);
        var simulator = services.GetService<EmbeddedSimulator>();
        var simulated = simulator is not null;
        var backend = simulator is not null
            ? $"ILVB simulator, in-process at {simulator.BaseUrl} (set Ilvb:BaseUrl or Ilvb:Environment for the vendor)"
            : $"ILVB at {ilvb.Value.GetBaseUrl()} (sdkappid {ilvb.Value.SdkAppId})";
        var queueText = queues.Value.Enabled
            ? $"on: {queues.Value.SessionRequestsQueue}, {queues.Value.UserJoinedQueue}, {queues.Value.UserLeftQueue} (failures go to <queue>-poison)"
            : "off (set Queues:ConnectionString to read session-requests, user-joined and user-left)";
        var keyOn = !string.IsNullOrEmpty(host.Value.ApiKey);
        var keyText = keyOn ? $"on (send it in {HostOptions.ApiKeyHeader})" : "off (loopback only)";

        if (!host.Value.PrintSummary)
        {
            Log.HostStarted(logger, listening, database, backend, queueText, keyOn ? "on" : "off");
            return;
        }

        var first = addresses.FirstOrDefault() ?? HostOptions.DefaultUrl;
        var key = keyOn ? $" -H '{HostOptions.ApiKeyHeader}: <your key>'" : "";
        var session = $"{first}/api/sessions/r1234:uanchor-1:first";
        var join = simulated
            ? $"  curl -s -X POST{key} {first}/simulator/control/rooms/1234/users/anchor-1   # the anchor joins the room (simulator)\n"
            : "";
        Console.Out.Write($$"""

            Broadcast host
              listening  {{listening}}
              database   {{database}}
              backend    {{backend}}
              queues     {{queueText}}
              API key    {{keyText}}
              OpenAPI    {{first}}/openapi/v1.json

            Try:
              curl -s -X POST{{key}} {{first}}/api/sessions -H 'Content-Type: application/json' \
                -d '{"roomId": 1234, "userId": "anchor-1", "key": "first", "channelName": "First broadcast"}'
            {{join}}  curl -s -X POST{{key}} {{session}}/user-joined
              curl -s{{key}} {{session}}
              curl -s -X POST{{key}} {{session}}/cancel


            """);
    }
}
