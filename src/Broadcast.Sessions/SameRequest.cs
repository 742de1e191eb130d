namespace Broadcast.Sessions;

/// <summary>
/// Whether a create with a key already used asks for the session that key started: then it is a repeat (200), not
/// another request (409). Spelling that starts the same session counts as the same: an explicit null where the field
/// has an empty default, and a duration given as the value its omission resolved to when the session was created.
/// </summary>
internal static class SameRequest
{
    public static bool Is(BroadcastSessionInput existing, SessionRequest request, SessionOptions options)
    {
        var resolved = BroadcastSessionInput.Create(request, options);
        var left = Normalized(existing.Request);
        var right = Normalized(request);
        // A duration given by one and left out by the other is the same when both resolve to the same value.
        if (left.JoinTimeout != right.JoinTimeout && existing.JoinTimeout == resolved.JoinTimeout)
        {
            (left, right) = (left with { JoinTimeout = null }, right with { JoinTimeout = null });
        }

        if (left.MaxDuration != right.MaxDuration && existing.MaxDuration == resolved.MaxDuration)
        {
            (left, right) = (left with { MaxDuration = null }, right with { MaxDuration = null });
        }

        if (left.LeaveGrace != right.LeaveGrace && existing.LeaveGrace == resolved.LeaveGrace)
        {
            (left, right) = (left with { LeaveGrace = null }, right with { LeaveGrace = null });
        }

        return Durable.DurableJson.Serialize(left) == Durable.DurableJson.Serialize(right);
    }

    /// <summary>
    /// Whether two schedule templates start the same sessions: spelled as <see cref="Is"/> allows, with each duration
    /// taken as what it resolves to now (a template's defaults are resolved at each occurrence).
    /// </summary>
    public static bool SameTemplate(SessionRequest existing, SessionRequest wanted, SessionOptions options)
    {
        return Durable.DurableJson.Serialize(Resolved(existing)) == Durable.DurableJson.Serialize(Resolved(wanted));

        SessionRequest Resolved(SessionRequest template)
        {
            var input = BroadcastSessionInput.Create(template, options);
            return Normalized(template) with { JoinTimeout = input.JoinTimeout, MaxDuration = input.MaxDuration, LeaveGrace = input.LeaveGrace };
        }
    }

    // JSON's explicit null overrides a property's default, so "channelDescription": null reads as null, not "".
    private static SessionRequest Normalized(SessionRequest request) => request with
    {
        ChannelDescription = request.ChannelDescription ?? "",
        PlayerPassword = request.PlayerPassword ?? "",
        Bitrates = request.Bitrates ?? [],
        Recording = request.Recording is { Tags: null } recording ? recording with { Tags = [] } : request.Recording,
    };
}
