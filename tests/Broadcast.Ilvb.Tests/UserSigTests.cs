using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Tests;

public class UserSigTests
{
    public static TheoryData<int> VectorIndexes() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Generate_ProducesTheVectorsSignature_AndDecodesToItsFields(int index)
    {
        var vector = Vector(index);

        var userSig = UserSig.Generate(vector.SdkAppId, vector.SecretKey, vector.Identifier, vector.Expire, vector.Time);
        var fields = UserSig.Decode(userSig);

        Assert.Equal(vector.ExpectedSig, fields.Signature);
        Assert.Equal("2.0", fields.Version);
        Assert.Equal(vector.Identifier, fields.Identifier);
        Assert.Equal(vector.SdkAppId, fields.SdkAppId);
        Assert.Equal(vector.Time, fields.Time);
        Assert.Equal(vector.Expire, fields.Expire);
        Assert.DoesNotContain('+', userSig);
        Assert.DoesNotContain('/', userSig);
        Assert.DoesNotContain('=', userSig);
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Decode_SampleUserSig_GivesTheVectorsFields(int index)
    {
        var vector = Vector(index);

        var fields = UserSig.Decode(vector.SampleUserSig);

        Assert.Equal("2.0", fields.Version);
        Assert.Equal(vector.Identifier, fields.Identifier);
        Assert.Equal(vector.SdkAppId, fields.SdkAppId);
        Assert.Equal(vector.Time, fields.Time);
        Assert.Equal(vector.Expire, fields.Expire);
        Assert.Equal(vector.ExpectedSig, fields.Signature);
        Assert.Equal(vector.Time + vector.Expire, fields.ExpiresAt);
        Assert.True(UserSig.Verify(vector.SampleUserSig, vector.SecretKey));
    }

    [Fact]
    public void Verify_WithAnotherKey_IsFalse()
    {
        var vector = Vector(0);

        Assert.False(UserSig.Verify(vector.SampleUserSig, "another-secret-key"));
    }

    [Theory]
    [InlineData("not a usersig at all")]
    [InlineData("eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTm")]
    [InlineData("AAAA")]
    public void Decode_Garbage_ThrowsFormatException_WithoutQuotingIt(string garbage)
    {
        var ex = Assert.Throws<FormatException>(() => UserSig.Decode(garbage));

        Assert.DoesNotContain(garbage, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FieldOutOfRange_ThrowsFormatException()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(
            """{"TLS.ver":"2.0","TLS.identifier":"a","TLS.sdkappid":99999999999,"TLS.time":1,"TLS.expire":1,"TLS.sig":"x"}""");
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(json);
        }

        var userSig = Convert.ToBase64String(packed.ToArray()).Replace('+', '*').Replace('/', '-').Replace('=', '_');

        Assert.Throws<FormatException>(() => UserSig.Decode(userSig));
    }

    [Fact]
    public void Generate_RejectsAnExpiryBelowOneSecond()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            UserSig.Generate(1400000000, "key", "admin", TimeSpan.FromMilliseconds(500), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Fields_ToString_LeavesTheSignatureOut()
    {
        var vector = Vector(0);

        var text = UserSig.Decode(vector.SampleUserSig).ToString();

        Assert.DoesNotContain(vector.ExpectedSig, text, StringComparison.Ordinal);
        Assert.Contains(vector.Identifier, text, StringComparison.Ordinal);
    }

    internal static UserSigVector Vector(int index)
    {
        var root = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "usersig-vectors.json")));
        var vector = (JObject)root["vectors"]![index]!;
        return new UserSigVector(
            (uint)vector["sdkAppId"]!,
            (string)vector["secretKey"]!,
            (string)vector["identifier"]!,
            DateTimeOffset.FromUnixTimeSeconds((long)vector["time"]!),
            TimeSpan.FromSeconds((long)vector["expire"]!),
            (string)vector["expectedSigField"]!,
            (string)vector["sampleUserSig"]!);
    }

    internal sealed record UserSigVector(
        uint SdkAppId, string SecretKey, string Identifier, DateTimeOffset Time, TimeSpan Expire, string ExpectedSig, string SampleUserSig);
}
