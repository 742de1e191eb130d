using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// One unusable vendor answer: which call meets it, how it is arranged (simulator fault plan or spoiling proxy), the
/// failure kind the session must record (none for an answer it can use), and a word its description must carry (null: any non-empty description).
/// </summary>
public sealed record VendorCase(
    string Name,
    SimOperation Operation,
    Action<IlvbSimulator, VendorProxy> Arrange,
    VendorExpectation Expect,
    IlvbFailureKind? Kind,
    string? Mentions)
{
    public RecordingMode Recording { get; init; } = RecordingMode.None;

    public bool RecordingRequired { get; init; } = true;
}
