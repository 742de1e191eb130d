using Broadcast.Ilvb;

namespace Broadcast.Sessions.Tests;

public sealed class SessionErrorTests
{
    [Fact]
    public void FromException_KeepsTheVendorsOwnText_AndTheLineShowsIt()
    {
        var failure = new IlvbException(IlvbFailureKind.HeaderResult, -4, IlvbErrorCategory.Fatal, "Header result -4: header verification failed")
        {
            VendorMessage = "header verification failed: the usersig expired",
        };

        var error = SessionError.FromException(SessionActivities.StartPush, failure);

        Assert.Equal("header verification failed: the usersig expired", error.VendorMessage);
        Assert.Equal("-4 (Fatal): Header result -4: header verification failed (the vendor said: header verification failed: the usersig expired)", error.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void FromException_WithoutVendorText_HasNone(string? text)
    {
        var failure = new IlvbException(IlvbFailureKind.VendorCode, 20101, IlvbErrorCategory.Fatal, "channel limit") { VendorMessage = text };

        var error = SessionError.FromException(SessionActivities.StartPush, failure);

        Assert.Null(error.VendorMessage);
        Assert.Equal("20101 (Fatal): channel limit", error.ToString());
    }

    [Fact]
    public void ALongVendorText_IsCut_NeverInsideASurrogatePair()
    {
        var text = new string('x', SessionError.MaxVendorMessageLength - 1) + "😀" + new string('y', 50);
        var failure = new IlvbException(IlvbFailureKind.VendorCode, 1, IlvbErrorCategory.Fatal, "d") { VendorMessage = text };

        var kept = SessionError.FromException(SessionActivities.StartPush, failure).VendorMessage!;

        Assert.Equal(new string('x', SessionError.MaxVendorMessageLength - 1) + "…", kept);
    }
}
