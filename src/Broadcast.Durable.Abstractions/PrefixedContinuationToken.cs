using System.Buffers.Text;
using System.Text;

namespace Broadcast.Durable;

/// <summary>
/// Carries a backend's own continuation token behind the query's instance id prefix. Listings check that a token
/// starts with their prefix (so a token of another listing is refused); a backend whose token is an opaque cursor,
/// not an instance id, needs it wrapped to pass that check.
/// </summary>
public static class PrefixedContinuationToken
{
    private const char Separator = '~';

    /// <summary>
    /// The token to hand out: the prefix, a separator, then the backend's token in base64url. No token (null or
    /// empty: some backends end a listing with either) is no token.
    /// </summary>
    public static string? Wrap(string? prefix, string? backendToken) =>
        string.IsNullOrEmpty(backendToken) ? null : $"{prefix}{Separator}{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(backendToken))}";

    /// <summary>
    /// The backend's token inside <paramref name="token"/>, or false when it is not one <see cref="Wrap"/> made for
    /// exactly <paramref name="prefix"/> (a token of a narrower listing would skip the rest of a wider one).
    /// </summary>
    public static bool TryUnwrap(string token, string? prefix, out string backendToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        backendToken = "";
        var at = token.LastIndexOf(Separator);
        if (at < 0 || at == token.Length - 1 || !token.AsSpan(0, at).SequenceEqual(prefix ?? "")
            || !Base64Url.IsValid(token.AsSpan(at + 1)))
        {
            return false;
        }

        backendToken = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(at + 1)));
        return true;
    }
}
