using Broadcast.Sessions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Broadcast.Host;

/// <summary>
/// <c>user-joined</c>: <c>{"sessionId": "..."}</c> or <c>{"roomId": 1, "userId": "..."}</c>; a live session whose anchor
/// had left takes it as the rejoin. Retries and poisoning as <see cref="AnchorSignalListener"/> describes.
/// </summary>
internal sealed class UserJoinedListener(
    SessionService sessions,
    IOptions<QueueOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<UserJoinedListener> logger)
    : AnchorSignalListener(options.Value.UserJoinedQueue, PresenceSignal.Joined, sessions, options, json, time, metrics, logger)
{
    protected override string MessageKind => "user-joined";
}
