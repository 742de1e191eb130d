using Broadcast.Ilvb;

namespace Broadcast.Sessions;

/// <summary>A failure as data: a vendor answer, a transport failure, or a fault of the orchestration itself.</summary>
/// <param name="Operation">The activity it came from (e.g. <c>StartPush</c>); null for a failure of the orchestration.</param>
/// <param name="Kind">Where it came from; null when not a vendor call.</param>
/// <param name="Code">The vendor code, header result or HTTP status (0 for other transport failures); null when not a vendor call.</param>
/// <param name="Category">What the error policy does with it; null when not a vendor call.</param>
/// <param name="Description">The vendor's text for the code, or what went wrong.</param>
/// <param name="Advice">The vendor's advice for the code, when there is one.</param>
/// <param name="OutcomeUnknown">True when the request may have reached the vendor although no success was read.</param>
/// <param name="VendorMessage">The vendor's own text in its answer (e.g. why a header failed), credentials removed, at most
/// <see cref="MaxVendorMessageLength"/> characters; null when it sent none.</param>
public sealed record SessionError(
    string? Operation,
    IlvbFailureKind? Kind,
    long? Code,
    IlvbErrorCategory? Category,
    string Description,
    string? Advice = null,
    bool OutcomeUnknown = false,
    string? VendorMessage = null)
{
    /// <summary>How much of the vendor's own text is kept.</summary>
    public const int MaxVendorMessageLength = 300;

    /// <summary>The error of an <see cref="IlvbException"/>.</summary>
    public static SessionError FromException(string operation, IlvbException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new SessionError(operation, exception.Kind, exception.Code, exception.Category, exception.Description,
            exception.Advice, exception.OutcomeUnknown, Shorten(exception.VendorMessage));
    }

    /// <summary>One line for logs and the timeline.</summary>
    public override string ToString() => Code is { } code
        ? $"{code} ({Category}): {Description}{(Advice is null ? "" : $" — {Advice}")}{(VendorMessage is null ? "" : $" (the vendor said: {VendorMessage})")}"
        : Description;

    private static string? Shorten(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Length <= MaxVendorMessageLength ? text
        // Never half of a surrogate pair at the cut.
        : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[MaxVendorMessageLength - 1]) ? MaxVendorMessageLength - 1 : MaxVendorMessageLength), "…");
}
