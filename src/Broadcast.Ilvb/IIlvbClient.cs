namespace Broadcast.Ilvb;

/// <summary>
/// The four videorelay operations. Each call is one HTTP request. A vendor error or transport
/// failure throws <see cref="IlvbException"/> carrying the code and its category.
/// </summary>
public interface IIlvbClient
{
    /// <summary>Sub-command 0x6, <c>uint32_oper=1</c>: starts the push of the anchor's stream.</summary>
    Task<StartPushResult> StartPushAsync(StartPushRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sub-command 0x6, <c>uint32_oper=2</c>: ends the push.</summary>
    Task StopPushAsync(StopPushRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sub-command 0x5, <c>uint32_oper=1</c>: starts a recording.</summary>
    Task StartRecordingAsync(StartRecordingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sub-command 0x5, <c>uint32_oper=2</c>: ends the recording and returns the recorded file ids.</summary>
    Task<StopRecordingResult> StopRecordingAsync(StopRecordingRequest request, CancellationToken cancellationToken = default);
}
