namespace Broadcast.Ilvb.Simulator;

/// <summary>The state's answer to a stop recording: a code, and the recorded file ids when it stopped.</summary>
internal sealed record RecordingStopped(long Code, IReadOnlyList<string> FileIds);
