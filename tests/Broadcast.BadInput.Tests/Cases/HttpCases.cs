namespace Broadcast.BadInput.Tests;

/// <summary>Every HTTP case, by name (the theory's data is the name, so each case shows as its own test).</summary>
public static class HttpCases
{
    public static IReadOnlyDictionary<string, HttpCase> ByName { get; } =
        CreateSessionCases.All().Concat(EndpointCases.All()).ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names() => [.. ByName.Keys];
}
