namespace Broadcast.Ilvb.Simulator;

/// <summary>The state's answer to a start push: a code, and the push when it started.</summary>
internal sealed record PushStarted(long Code, LivePush? Push);
