namespace Broadcast.Sessions;

/// <summary>The vendor codes the session logic names (the categories come from the client's catalog).</summary>
internal static class ResultCodes
{
    /// <summary>40000415: start push sent more than once, the push is running.</summary>
    public const long PushAlreadyRunning = 40000415;
}
