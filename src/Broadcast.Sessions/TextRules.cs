namespace Broadcast.Sessions;

/// <summary>The checks that several fields share.</summary>
internal static class TextRules
{
    public static void Required(string? value, int maxLength, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "is required.");
            return;
        }

        Bounded(value, maxLength, path, errors);
    }

    public static void Bounded(string? value, int maxLength, string path, ValidationErrors errors)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(path, $"must be at most {maxLength} characters (got {value.Length}).");
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(path, "must not contain control characters.");
        }
    }

    /// <summary>1 to <paramref name="maxLength"/> ASCII letters, digits or one of <paramref name="extra"/>.</summary>
    public static void Identifier(string? value, int maxLength, string extra, string path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(path, "is required.");
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(path, $"must be at most {maxLength} characters (got {value.Length}).");
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || extra.Contains(c, StringComparison.Ordinal)))
        {
            errors.Add(path, $"may contain only letters, digits and '{extra}'.");
        }
    }

    public static void Duration(TimeSpan? value, TimeSpan min, TimeSpan max, string path, ValidationErrors errors)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(path, $"must be between {min:c} and {max:c} (got {v:c}).");
        }
    }
}
