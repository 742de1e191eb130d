namespace Broadcast.BadInput.Tests;

/// <summary>
/// One bad configuration at start: the settings changed from a valid set (null removes one), and the setting the
/// failure message must name ('|'-separated alternatives, every one of several names with '&amp;').
/// </summary>
public sealed record ConfigCase(string Name, IReadOnlyDictionary<string, string?> Changes, string Mentions);
