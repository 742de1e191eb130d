using System.Text.Encodings.Web;
using System.Text.Json;

namespace Broadcast.Host;

/// <summary>
/// The forms a poisoned message may take in <c>&lt;queue&gt;-poison</c>, largest first. Wrapping a message in its
/// envelope can take it past the queue's 64 KiB limit: quotes and control characters are escaped, the queue encoding
/// grows it again. So when the envelope is refused as too large, the message goes as it came (the way the Azure
/// Functions runtime moves poison messages; the reason is then only in the log), and when even that does not fit
/// (a body that could not be decoded, re-encoded), the envelope with only the start of the text, and last without
/// the field errors as well. The last form always fits.
/// </summary>
internal static class PoisonBodies
{
    /// <summary>Characters of the text the last form keeps: fits the limit even with every character escaped.</summary>
    public const int KeptPrefix = 4096;

    /// <summary>Characters of the reason the last form keeps.</summary>
    public const int KeptError = 1024;

    // Only what JSON requires is escaped, so a message of HTML-like or non-ASCII text does not grow sixfold.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<string> Of(PoisonMessage envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        yield return JsonSerializer.Serialize(envelope, Options);
        yield return envelope.Message;
        var kept = envelope;
        if (envelope.Message.Length > KeptPrefix)
        {
            kept = envelope with { Message = envelope.Message[..KeptPrefix], MessageLength = envelope.Message.Length };
            yield return JsonSerializer.Serialize(kept, Options);
        }

        // The field errors of a message with thousands of bad fields can fill the limit on their own. At most
        // 4,096 + 1,024 characters of text are left, under 32 KiB even if every one is escaped to six.
        yield return JsonSerializer.Serialize(kept with { Errors = null, Error = Shorten(envelope.Error) }, Options);
    }

    private static string Shorten(string error) => error.Length <= KeptError ? error : error[..KeptError] + "…";
}
