using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>The input of <see cref="StartPushActivity"/>.</summary>
/// <param name="Request">The vendor request.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="JoinedAt">When the anchor's join was signalled, for the join→push latency metric.</param>
public sealed record StartPushInput(StartPushRequest Request, int Attempt, DateTimeOffset? JoinedAt);
