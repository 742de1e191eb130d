namespace Broadcast.BadInput.Tests;

/// <summary>
/// One bad queue message and the reason its poison record must give (a word in <c>error</c> or the <c>errors</c>
/// keys; alternatives separated by '|').
/// </summary>
public sealed record QueueCase(string Name, string Queue, string Text, string Mentions)
{
    /// <summary>False writes the text as is, not Base64 as the host's queues expect.</summary>
    public bool Base64 { get; init; } = true;
}
