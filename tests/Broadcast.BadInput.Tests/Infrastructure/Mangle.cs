namespace Broadcast.BadInput.Tests;

/// <summary>How <see cref="VendorProxy"/> spoils a vendor answer (the vendor has acted on the call all the same).</summary>
public enum Mangle
{
    /// <summary>HTTP 200 with an empty body.</summary>
    EmptyBody,

    /// <summary>HTTP 200 with the first half of the real JSON answer.</summary>
    TruncatedJson,

    /// <summary>HTTP 200 with an HTML error page, as a misconfigured gateway sends.</summary>
    NotJson,

    /// <summary>HTTP 200 with valid JSON that has no protocol envelope.</summary>
    WrongShape,

    /// <summary>The real answer with its optional <c>uint64_channel_id</c> turned into text that is no number.</summary>
    GarbledChannelId,

    /// <summary>The real answer with its body's <c>uint32_result</c> 0 turned into 0.5, which must not read as success.</summary>
    FractionalResult,

    /// <summary>The real answer with its body's <c>uint32_result</c> turned into <c>true</c>.</summary>
    BooleanResult,
}
