using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ilvb.Simulator.Tests;

/// <summary>
/// With a secret key the simulator checks each usersig as the vendor does (the shared TLSSigAPIv2 vectors: vector 0
/// is issued to "xiaojun" at 1700000000 for a day), on a fake clock set within the sig's validity.
/// </summary>
public sealed class UserSigCheckTests : SimulatorTest
{
    private static readonly JsonObject Vector = (JsonObject)JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "usersig-vectors.json")))!["vectors"]![0]!;

    private static readonly string SecretKey = (string)Vector["secretKey"]!;
    private static readonly string Sig = (string)Vector["sampleUserSig"]!;
    private static readonly DateTimeOffset IssuedAt = DateTimeOffset.FromUnixTimeSeconds((long)Vector["time"]!);

    private readonly FakeTimeProvider clock = new(IssuedAt.AddHours(1));

    [Fact]
    public async Task AValidSig_ForTheQuerysAccount_IsAccepted()
    {
        State.JoinUser(1, "alice");

        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), Wire.Query(usersig: Uri.EscapeDataString(Sig), identifier: "xiaojun"));

        Assert.Equal(0, reply.HeadResult);
        Assert.Single(State.ActivePushes);
    }

    [Theory]
    [InlineData("wrong-key", "xiaojun", 0, "the usersig's signature does not match this application's secret key")]
    [InlineData(null, "admin", 0, "the usersig was issued to account 'xiaojun', not to the query's identifier 'admin'")]
    [InlineData(null, "xiaojun", 86_400, "the usersig expired at 2023-11-15 22:13:20Z")]
    public async Task ASigThatDoesNotHold_AnswersMinus4_NamingWhy_WithoutRepeatingIt(string? key, string identifier, int laterSeconds, string why)
    {
        State.JoinUser(1, "alice");
        if (key is not null)
        {
            Simulator.Options.SecretKey = key;
        }

        clock.SetUtcNow(IssuedAt.AddSeconds(laterSeconds == 0 ? 3600 : laterSeconds));
        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), Wire.Query(usersig: Uri.EscapeDataString(Sig), identifier: identifier));

        Assert.Equal(-4, reply.HeadResult);
        Assert.Equal("header verification failed: " + why, reply.HeadError);
        Assert.DoesNotContain(Sig, reply.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(State.ActivePushes);
    }

    [Theory]
    [InlineData("not-a-sig")]
    [InlineData("aGVsbG8gd29ybGQ_")]
    public async Task ATokenThatIsNoSig_AnswersMinus4(string token)
    {
        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), Wire.Query(usersig: token, identifier: "xiaojun"));

        Assert.Equal(-4, reply.HeadResult);
        Assert.Equal("header verification failed: the usersig is not a TLSSigAPIv2 token", reply.HeadError);
    }

    [Fact]
    public async Task ASigForAnotherApplication_AnswersMinus4()
    {
        Simulator.Options.SdkAppId = 1400000001;

        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), Wire.Query(usersig: Uri.EscapeDataString(Sig), identifier: "xiaojun", sdkAppId: "1400000001"));

        Assert.Equal(-4, reply.HeadResult);
        Assert.Equal("header verification failed: the usersig was issued for sdkappid 1400000000, not for this application", reply.HeadError);
    }

    [Fact]
    public void AnEmptySecretKey_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatorOptions { SecretKey = "" }.Validate());

        Assert.Contains("SimulatorOptions.SecretKey", error.Message, StringComparison.Ordinal);
    }

    protected override SimulatorOptions CreateOptions() => new() { SecretKey = SecretKey, TimeProvider = clock };
}
