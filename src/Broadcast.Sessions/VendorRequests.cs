using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>Turns a session request into the four vendor requests.</summary>
internal static class VendorRequests
{
    public static StreamTarget Target(SessionRequest request) => new(request.RoomId, request.UserId);

    public static StartPushRequest StartPush(SessionRequest request) => new()
    {
        Target = Target(request),
        LiveCode = request.LiveCode,
        SdkType = request.SdkType,
        ChannelName = request.ChannelName,
        ChannelDescription = request.ChannelDescription ?? "",
        PlayerPassword = request.PlayerPassword ?? "",
        Source = request.Source,
        Tape = request.Recording?.Mode == RecordingMode.Tape,
        Watermark = request.Watermark?.Enabled,
        WatermarkId = request.Watermark is { Enabled: true } watermark ? watermark.Id : null,
        Bitrates = request.Bitrates ?? [],
    };

    public static StopPushRequest StopPush(SessionRequest request) => new()
    {
        Target = Target(request),
        SdkType = request.SdkType,
        Source = request.Source,
    };

    public static StartRecordingRequest StartRecording(SessionRequest request)
    {
        var recording = request.Recording ?? throw new InvalidOperationException("The session has no recording.");
        return new StartRecordingRequest
        {
            Target = Target(request),
            FileName = recording.FileName ?? "",
            Tags = recording.Tags ?? [],
            ClassId = recording.ClassId,
            Transcode = recording.Transcode,
            Screenshot = recording.Screenshot,
            Watermark = recording.Watermark,
            SdkType = request.SdkType,
            Source = request.Source,
        };
    }

    public static StopRecordingRequest StopRecording(SessionRequest request) => new()
    {
        Target = Target(request),
        SdkType = request.SdkType,
        Source = request.Source,
    };
}
