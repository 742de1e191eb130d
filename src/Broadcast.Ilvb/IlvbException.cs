namespace Broadcast.Ilvb;

/// <summary>
/// A videorelay call that did not succeed. Carries data, not just text: the code, the category,
/// the seed's description and advice. Its message never contains a credential.
/// </summary>
public sealed class IlvbException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IlvbException(
        IlvbFailureKind kind,
        long code,
        IlvbErrorCategory category,
        string description,
        string? advice = null,
        Exception? innerException = null)
        : base(FormatMessage(kind, code, description, advice), innerException)
    {
        Kind = kind;
        Code = code;
        Category = category;
        Description = description;
        Advice = advice;
    }

    /// <summary>Where the failure came from.</summary>
    public IlvbFailureKind Kind { get; }

    /// <summary>The vendor code, the header result, the HTTP status, or 0 for other transport failures.</summary>
    public long Code { get; }

    /// <summary>What to do about it.</summary>
    public IlvbErrorCategory Category { get; }

    /// <summary>The seed's description of the code, or what went wrong on the transport.</summary>
    public string Description { get; }

    /// <summary>The seed's advice, when there is one.</summary>
    public string? Advice { get; }

    /// <summary>The operation that failed, when the client knows it.</summary>
    public IlvbOperation? Operation { get; init; }

    /// <summary>
    /// The vendor's own text (<c>str_errorinfo</c> or <c>str_error_msg</c>), with any credential
    /// it might echo removed; not part of <see cref="Exception.Message"/>.
    /// </summary>
    public string? VendorMessage { get; init; }

    /// <summary>
    /// True when the request may have reached the vendor although no success was read
    /// (timeout, lost connection, HTTP 5xx, malformed response): a start must then be treated as "maybe started".
    /// </summary>
    public bool OutcomeUnknown => Kind is IlvbFailureKind.Timeout or IlvbFailureKind.ConnectionLost
        or IlvbFailureKind.HttpStatus or IlvbFailureKind.MalformedResponse or IlvbFailureKind.SequenceMismatch
        || (Kind == IlvbFailureKind.HeaderResult && Code == -3);

    private static string FormatMessage(IlvbFailureKind kind, long code, string description, string? advice) =>
        advice is null
            ? $"ILVB {kind} {code}: {description}"
            : $"ILVB {kind} {code}: {description} ({advice})";
}
