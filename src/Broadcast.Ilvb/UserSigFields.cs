namespace Broadcast.Ilvb;

/// <summary>The fields of a TLSSigAPIv2 UserSig (see <see cref="UserSig.Decode"/>).</summary>
/// <param name="Version"><c>TLS.ver</c>, "2.0".</param>
/// <param name="Identifier"><c>TLS.identifier</c>: the account the sig is for.</param>
/// <param name="SdkAppId"><c>TLS.sdkappid</c>.</param>
/// <param name="Time"><c>TLS.time</c>: when it was issued.</param>
/// <param name="Expire"><c>TLS.expire</c>: how long it is valid after <paramref name="Time"/>.</param>
/// <param name="Signature"><c>TLS.sig</c>: base64 of the HMAC-SHA256.</param>
public sealed record UserSigFields(string Version, string Identifier, uint SdkAppId, DateTimeOffset Time, TimeSpan Expire, string Signature)
{
    /// <summary>When the sig stops being valid.</summary>
    public DateTimeOffset ExpiresAt => Time + Expire;

    /// <summary>Leaves the signature out, so the record can be logged.</summary>
    public override string ToString() =>
        $"UserSigFields {{ Version = {Version}, Identifier = {Identifier}, SdkAppId = {SdkAppId}, Time = {Time:O}, Expire = {Expire} }}";
}
