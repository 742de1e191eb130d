using Microsoft.AspNetCore.Http;

namespace Broadcast.Api;

/// <summary>Where to follow a session: the answer to a create call.</summary>
/// <param name="Id">The session (instance) id.</param>
/// <param name="Created">False when the call repeated an earlier one with the same id and request.</param>
/// <param name="StatusUrl">GET: status, phase, result and timeline.</param>
/// <param name="UserJoinedUrl">POST: signal that the anchor joined the room.</param>
/// <param name="CancelUrl">POST: end the session (stops whatever was started).</param>
/// <param name="UserLeftUrl">POST: signal that the anchor left the room.</param>
public sealed record SessionLinks(string Id, bool Created, Uri StatusUrl, Uri UserJoinedUrl, Uri CancelUrl, Uri UserLeftUrl)
{
    /// <summary>Builds the links of <paramref name="id"/> against the request's own scheme and host.</summary>
    public static SessionLinks For(HttpRequest request, string id, bool created) => For(ApiAddress.Own(request), id, created);

    /// <summary>Builds the links of <paramref name="id"/> under <paramref name="baseAddress"/> (scheme, host and path base, no trailing slash).</summary>
    public static SessionLinks For(string baseAddress, string id, bool created)
    {
        var self = StatusUrlOf(baseAddress, id);
        return new SessionLinks(id, created, self, new Uri(self + "/user-joined"), new Uri(self + "/cancel"), new Uri(self + "/user-left"));
    }

    /// <summary>The <see cref="StatusUrl"/> of <paramref name="id"/> alone, for answers that link only the session (signals).</summary>
    public static Uri StatusUrlOf(string baseAddress, string id)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(id);
        return new Uri($"{baseAddress}/api/sessions/{Uri.EscapeDataString(id)}");
    }
}
