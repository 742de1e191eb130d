using System.Globalization;
using System.Text;

namespace Broadcast.Api;

/// <summary>
/// A caller's value as an error message repeats it: quoted, control characters written as <c>\uXXXX</c>, and cut
/// to a length a reader can take in, so a hostile id neither breaks a log line or terminal nor floods the answer.
/// </summary>
public static class EchoedText
{
    /// <summary>The most characters of the value shown.</summary>
    public const int MaxShown = 80;

    /// <summary>The value in single quotes, made safe to print; a cut value ends with "… (N characters)".</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var cut = value.Length <= MaxShown ? value.Length : char.IsHighSurrogate(value[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        var shown = value[..cut]; // never half of a surrogate pair
        var text = new StringBuilder(shown.Length + 2).Append('\'');
        foreach (var c in shown)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('\'');
        if (shown.Length < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return text.ToString();
    }
}
