using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Broadcast.Api;

/// <summary>
/// Reads numeric route and query values by hand (for a host without minimal API binding), answering a value that does
/// not convert as the embedded host answers its binding failures: 400 naming the parameter.
/// </summary>
public static class QueryParameters
{
    /// <summary>The query value <paramref name="name"/>, or null when absent or empty.</summary>
    public static string? Text(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var value = query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Reads an <see cref="int"/>; null text gives null. Returns the problem to answer, or null.</summary>
    public static IResult? TryInt32(string name, string? text, out int? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return Problems.InvalidParameter(name, "int", text);
        }

        value = parsed;
        return null;
    }

    /// <summary>Reads a <see cref="uint"/>; null text gives null. Returns the problem to answer, or null.</summary>
    public static IResult? TryUInt32(string name, string? text, out uint? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return Problems.InvalidParameter(name, "uint", text);
        }

        value = parsed;
        return null;
    }
}
