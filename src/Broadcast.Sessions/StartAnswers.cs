using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>
/// Which failed answers to a start still mean the vendor is pushing or recording: "push already running" (40000415)
/// and the ambiguous "recording started, or no initiator" (30000415). The other "already done" codes answer a stop
/// ("already ended") and say nothing started.
/// </summary>
internal static class StartAnswers
{
    private const long PushAlreadyRunning = 40000415;

    public static bool MeanStarted(SessionError error) =>
        error.Category == IlvbErrorCategory.Ambiguous
        || (error.Category == IlvbErrorCategory.AlreadyDone && error.Code == PushAlreadyRunning);
}
