using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary><c>user-left</c>: the anchor left the room; the messages and their handling are those of <c>user-joined</c>.</summary>
internal sealed class UserLeftListener(
    SessionService sessions,
    IOptions<QueueOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<UserLeftListener> logger)
    : AnchorSignalListener(options.Value.UserLeftQueue, PresenceSignal.Left, sessions, options, json, time, metrics, logger)
{
    protected override string MessageKind => "user-left";
}
