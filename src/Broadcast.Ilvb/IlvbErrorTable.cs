namespace Broadcast.Ilvb;

/// <summary>Which of the seed's tables a code comes from.</summary>
public enum IlvbErrorTable
{
    /// <summary>Not in the seed's tables.</summary>
    Unknown,

    /// <summary>"0x6 Push Error Codes".</summary>
    Push,

    /// <summary>"0x5 Recording Error Code Description".</summary>
    Recording,

    /// <summary>The common header's <c>uint32_result</c> (-1 to -5).</summary>
    Header,
}
