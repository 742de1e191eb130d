namespace Broadcast.Api.Tests;

public sealed class ApiKeyCheckTests
{
    [Fact]
    public void Matches_TheConfiguredKey_OnlyThatKey()
    {
        var check = new ApiKeyCheck("s3cret-key");

        Assert.True(check.Enabled);
        Assert.True(check.Matches("s3cret-key"));
        Assert.False(check.Matches("s3cret-kez"));
        Assert.False(check.Matches("s3cret"));
        Assert.False(check.Matches(""));
        Assert.False(check.Matches(null));
    }

    [Fact]
    public void NoConfiguredKey_IsDisabledAndMatchesNothing()
    {
        var check = new ApiKeyCheck("");

        Assert.False(check.Enabled);
        Assert.False(check.Matches(""));
    }

    [Fact]
    public async Task Unauthorized_SaysWhetherTheKeyWasMissingOrWrong()
    {
        var (missingStatus, missing) = await ResultReader.ExecuteAsync(Problems.Unauthorized(keyPresented: false));
        var (_, wrong) = await ResultReader.ExecuteAsync(Problems.Unauthorized(keyPresented: true));

        Assert.Equal(401, missingStatus);
        Assert.Equal("Send the API key in the 'X-Api-Key' header.", missing.GetProperty("detail").GetString());
        Assert.Equal("The 'X-Api-Key' header does not hold the configured API key.", wrong.GetProperty("detail").GetString());
    }
}
