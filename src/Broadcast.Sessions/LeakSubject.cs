using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>What a start activity is about to start, as the ledger records it: enough to stop it later.</summary>
internal sealed record LeakSubject(string SessionId, LeakKind Kind, StreamTarget Target, SdkType SdkType, DataSource Source, bool Tape)
{
    public static LeakSubject Of(string sessionId, StartPushRequest request) =>
        new(sessionId, LeakKind.Push, request.Target, request.SdkType, request.Source, request.Tape);

    public static LeakSubject Of(string sessionId, StartRecordingRequest request) =>
        new(sessionId, LeakKind.Recording, request.Target, request.SdkType, request.Source, Tape: false);

    /// <summary>A new open entry for this subject, keeping the sweeper's earlier actions of <paramref name="previous"/>.</summary>
    public LeakEntry Open(DateTimeOffset now, LeakEvidence evidence, LeakEntry? previous) => new()
    {
        SessionId = SessionId,
        Kind = Kind,
        RoomId = Target.RoomId,
        UserId = Target.UserId,
        SdkType = SdkType,
        Source = Source,
        Tape = Tape,
        State = LeakState.Open,
        Evidence = evidence,
        OpenedAt = now,
        LastStartAt = now,
        UpdatedAt = now,
        Actions = previous?.Actions ?? [],
    };
}
