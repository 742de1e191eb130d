namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// A validated start-push request: what the state needs to start it. <c>Urls</c> builds the
/// play URLs once the channel id is known.
/// </summary>
internal sealed record PushStart(uint RoomId, string UserId, uint LiveCode, bool Tape, Func<ulong, IReadOnlyList<LiveUrlEntry>> Urls);
