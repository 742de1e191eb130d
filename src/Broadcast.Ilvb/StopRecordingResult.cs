namespace Broadcast.Ilvb;

/// <summary>What a successful stop recording returned.</summary>
/// <param name="FileIds"><c>str_fileID</c>: the recorded file ids.</param>
public sealed record StopRecordingResult(IReadOnlyList<string> FileIds);
