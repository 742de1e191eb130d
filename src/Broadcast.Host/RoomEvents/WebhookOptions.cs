using System.ComponentModel.DataAnnotations;

namespace Broadcast.Host;

/// <summary>The room-event webhook (<c>POST /api/room-events</c>), section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>The shortest signing key accepted.</summary>
    public const int MinSigningKeyLength = 16;

    /// <summary>
    /// The shared secret of the HMAC-SHA256 signature in <c>X-Broadcast-Signature</c>. Null or empty turns the webhook off
    /// (every call is answered 503).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The SQLite file of seen event ids and the latest event per room and user; null for <c>room-events.db</c> next to the engine's database.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>How long an event id is remembered, so a repeated delivery counts once; older events are not processed at all.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan DedupRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an event of a room and user with no waiting or live session is kept for a session created after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan EarlyEventWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far in the future (by this host's clock) an event time may be before the event is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when a signing key is set.</summary>
    public bool Enabled => !string.IsNullOrEmpty(SigningKey);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Ilvb.KeyVaultReference.IsUnresolved(SigningKey))
        {
            yield return new ValidationResult(Ilvb.KeyVaultReference.Problem("Webhooks:SigningKey"), [nameof(SigningKey)]);
        }
        else if (Enabled && SigningKey!.Length < MinSigningKeyLength)
        {
            // The key's length only: the key itself never reaches a message.
            yield return new ValidationResult(
                $"Webhooks:SigningKey must be at least {MinSigningKeyLength} characters (it has {SigningKey.Length}).", [nameof(SigningKey)]);
        }

        if (EarlyEventWindow > DedupRetention)
        {
            yield return new ValidationResult(
                $"Webhooks:EarlyEventWindow ({EarlyEventWindow}) must not exceed Webhooks:DedupRetention ({DedupRetention}).",
                [nameof(EarlyEventWindow), nameof(DedupRetention)]);
        }
    }
}
