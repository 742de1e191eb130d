using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ilvb.Tests;

public class UserSigProviderTests
{
    private const string SecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    [Fact]
    public async Task Generated_IsReused_UntilShortlyBeforeExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_763_856_000));
        var provider = new GeneratedUserSigProvider(1400000000, "admin", SecretKey, TimeSpan.FromDays(180), time, NullLogger.Instance);

        var first = await provider.GetUserSigAsync();
        time.Advance(TimeSpan.FromDays(178));
        var stillCached = await provider.GetUserSigAsync();
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetUserSigAsync();

        Assert.Same(first, stillCached);
        Assert.NotEqual(first, renewed);
        var fields = UserSig.Decode(renewed);
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), fields.Time.ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.FromDays(180), fields.Expire);
        Assert.True(UserSig.Verify(renewed, SecretKey));
    }

    [Fact]
    public async Task Generated_ShortLifetime_RenewsATenthBeforeExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_790_000_000));
        var provider = new GeneratedUserSigProvider(1400000000, "anchor_01", SecretKey, TimeSpan.FromHours(1), time, NullLogger.Instance);

        var first = await provider.GetUserSigAsync();
        time.Advance(TimeSpan.FromMinutes(53));
        var cached = await provider.GetUserSigAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await provider.GetUserSigAsync();

        Assert.Same(first, cached);
        Assert.NotEqual(first, renewed);
        Assert.True(UserSig.Decode(renewed).ExpiresAt > time.GetUtcNow() + TimeSpan.FromMinutes(59));
    }

    [Fact]
    public async Task Generated_MatchesTheVector_AtTheVectorsTime()
    {
        var vector = UserSigTests.Vector(1);
        var time = new FakeTimeProvider(vector.Time);
        var provider = new GeneratedUserSigProvider(vector.SdkAppId, vector.Identifier, vector.SecretKey, vector.Expire, time, NullLogger.Instance);

        var fields = UserSig.Decode(await provider.GetUserSigAsync());

        Assert.Equal(vector.ExpectedSig, fields.Signature);
    }

    [Fact]
    public async Task Configured_IsReturnedAsGiven()
    {
        var provider = new ConfiguredUserSigProvider("configured-sig");

        Assert.Equal("configured-sig", await provider.GetUserSigAsync());
    }
}
