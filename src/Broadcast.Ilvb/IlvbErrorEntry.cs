namespace Broadcast.Ilvb;

/// <summary>One videorelay code with its meaning and what to do about it.</summary>
/// <param name="Code">The code.</param>
/// <param name="Table">The seed table it comes from.</param>
/// <param name="Description">The seed's description, verbatim.</param>
/// <param name="Advice">The seed's solution text, verbatim; null where the seed gives none.</param>
/// <param name="Category">What a caller should do about it.</param>
public sealed record IlvbErrorEntry(long Code, IlvbErrorTable Table, string Description, string? Advice, IlvbErrorCategory Category)
{
    /// <summary>True when the code is in the seed's tables.</summary>
    public bool IsKnown => Table != IlvbErrorTable.Unknown;
}
