using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>The input of <see cref="StartRecordingActivity"/>.</summary>
/// <param name="Request">The vendor request.</param>
/// <param name="Attempt">1 for the first attempt.</param>
public sealed record StartRecordingInput(StartRecordingRequest Request, int Attempt);
