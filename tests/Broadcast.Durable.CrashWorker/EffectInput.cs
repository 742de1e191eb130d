namespace Broadcast.Durable.CrashWorker;

/// <summary>Which step of which instance an effect belongs to.</summary>
public sealed record EffectInput(string InstanceId, int Step);
