namespace Broadcast.Sessions;

/// <summary>Collects every problem of one input, keyed by the field's JSON path.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            messages = [];
            errors[path] = messages;
        }

        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new SessionValidationException(ToDictionary());
        }
    }

    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
