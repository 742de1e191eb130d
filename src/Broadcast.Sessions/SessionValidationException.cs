namespace Broadcast.Sessions;

/// <summary>A request was refused before anything was created; <see cref="Errors"/> names every bad field.</summary>
public sealed class SessionValidationException : Exception
{
    /// <summary>Creates the exception from the errors, keyed by JSON field path (e.g. <c>recording.fileName</c>).</summary>
    public SessionValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>The problems, keyed by JSON field path.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string FormatMessage(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var details = errors.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}: {string.Join("; ", e.Value)}");
        return "The request is invalid. " + string.Join(" | ", details);
    }
}
