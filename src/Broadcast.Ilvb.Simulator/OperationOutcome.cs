using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// What an operation answered: a code (negative codes are header-level), a detail naming the
/// offending field, and the operation's own response fields on success.
/// </summary>
internal sealed record OperationOutcome(long Code, string? Detail = null, JsonObject? Fields = null)
{
    public static OperationOutcome Fail(long code, string detail) => new(code, detail);

    /// <summary>The error text for the wire: the seed's description, then the detail.</summary>
    public string Message =>
        Detail is null ? ErrorTexts.For(Code) : Code == 0 ? Detail : $"{ErrorTexts.For(Code)}: {Detail}";
}
