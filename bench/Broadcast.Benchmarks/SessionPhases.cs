namespace Broadcast.Benchmarks;

/// <summary>
/// Where one full session's time goes, as the client sees it: create and join calls answered, join signal until push
/// and recording run at the vendor, cancel until the session completed (recording and push stopped).
/// </summary>
internal sealed record SessionPhases(double CreateAndSignalMs, double SignalToLiveMs, double CancelToDoneMs);
