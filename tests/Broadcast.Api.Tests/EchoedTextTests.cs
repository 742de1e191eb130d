using Broadcast.Api;

namespace Broadcast.Api.Tests;

public sealed class EchoedTextTests
{
    [Fact]
    public void OrdinaryText_IsQuotedAsIs() => Assert.Equal("'r1:anchor-1:first'", EchoedText.Quote("r1:anchor-1:first"));

    [Fact]
    public void ControlCharacters_AreWrittenAsEscapes()
    {
        Assert.Equal(@"'a\u0007b\u001b[2Jc\u000a\u2028'", EchoedText.Quote("a\u0007b\u001b[2Jc\n\u2028"));
    }

    [Fact]
    public void LongText_IsCut_AndSaysHowLongItWas()
    {
        var quoted = EchoedText.Quote(new string('s', 2000));

        Assert.Equal("'" + new string('s', EchoedText.MaxShown) + "'… (2000 characters)", quoted);
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var value = new string('a', EchoedText.MaxShown - 1) + "\U0001F600" + "tail";

        Assert.Equal("'" + new string('a', EchoedText.MaxShown - 1) + "'… (" + value.Length + " characters)", EchoedText.Quote(value));
    }

    [Fact]
    public void NoText_IsNamedSo() => Assert.Equal("(none)", EchoedText.Quote(null));
}
