using System.Security.Cryptography.X509Certificates;

namespace Broadcast.Ilvb.Tests;

/// <summary>Mutual TLS with certificates the test makes: a CA, a server certificate for 127.0.0.1, client certificates.</summary>
public sealed class MutualTlsTests : IDisposable
{
    private const string PfxPassword = "pfx-secret-9";
    private const string KeyPassword = "key-secret-7";
    private static readonly StreamTarget Anchor = new(4004, "anchor_04");

    private readonly TempFolder _folder = new();
    private readonly X509Certificate2 _ca = TestCertificates.CreateCa("Broadcast Test CA");
    private readonly X509Certificate2 _server;
    private readonly X509Certificate2 _client;
    private readonly X509Certificate2 _strangerCa = TestCertificates.CreateCa("Stranger CA");
    private readonly X509Certificate2 _stranger;

    public MutualTlsTests()
    {
        _server = TestCertificates.CreateServer(_ca);
        _client = TestCertificates.CreateClient(_ca);
        _stranger = TestCertificates.CreateClient(_strangerCa, "stranger");
        TestCertificates.WritePem(_ca, _folder.File("ca.pem"), keyPath: null);
        TestCertificates.WritePfx(_client, _folder.File("client.pfx"), PfxPassword);
        TestCertificates.WritePem(_client, _folder.File("client.pem"), _folder.File("client.key"), KeyPassword);
        TestCertificates.WritePfx(_stranger, _folder.File("stranger.pfx"), PfxPassword);
    }

    [Fact]
    public async Task PfxClientCertificate_IsAccepted()
    {
        await using var harness = await Start(o =>
        {
            o.ClientCertificatePath = _folder.File("client.pfx");
            o.ClientCertificatePassword = PfxPassword;
        });

        await StartPush(harness);

        Assert.Equal("https", harness.Simulator.BaseUrl.Scheme);
        Assert.Single(harness.State.ActivePushes);
    }

    [Fact]
    public async Task InlineBase64PfxClientCertificate_IsAccepted()
    {
        await using var harness = await Start(o =>
        {
            o.ClientCertificateBase64 = Convert.ToBase64String(File.ReadAllBytes(_folder.File("client.pfx")));
            o.ClientCertificatePassword = PfxPassword;
        });

        await StartPush(harness);

        Assert.Single(harness.State.ActivePushes);
    }

    [Fact]
    public async Task PemCertificateWithEncryptedKey_IsAccepted()
    {
        await using var harness = await Start(o =>
        {
            o.ClientCertificatePath = _folder.File("client.pem");
            o.ClientKeyPath = _folder.File("client.key");
            o.ClientCertificatePassword = KeyPassword;
        });

        await StartPush(harness);

        Assert.Single(harness.State.ActivePushes);
    }

    [Fact]
    public async Task NoClientCertificate_IsRefused()
    {
        await using var harness = await Start(_ => { });

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        AssertRefusedByTls(ex, harness);
    }

    [Fact]
    public async Task ClientCertificateOfAnotherCa_IsRefused()
    {
        await using var harness = await Start(o =>
        {
            o.ClientCertificatePath = _folder.File("stranger.pfx");
            o.ClientCertificatePassword = PfxPassword;
        });

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        AssertRefusedByTls(ex, harness);
    }

    [Fact]
    public async Task ServerCertificate_NotTrusted_IsRefused_BeforeAnythingIsSent()
    {
        await using var harness = await Start(o =>
        {
            o.TrustedCaCertificatePath = null;
            o.ClientCertificatePath = _folder.File("client.pfx");
            o.ClientCertificatePassword = PfxPassword;
        });

        var ex = await Assert.ThrowsAsync<IlvbException>(() => StartPush(harness));

        Assert.Equal(IlvbFailureKind.ConnectionRefused, ex.Kind);
        Assert.False(ex.OutcomeUnknown);
        Assert.Empty(harness.State.Calls);
        Assert.DoesNotContain(PfxPassword, ex.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var certificate in new[] { _ca, _server, _client, _strangerCa, _stranger })
        {
            certificate.Dispose();
        }

        _folder.Dispose();
    }

    private async Task<SimulatorHarness> Start(Action<IlvbOptions> client)
    {
        var harness = await SimulatorHarness.StartAsync(
            simulator =>
            {
                simulator.ServerCertificate = _server;
                simulator.RequireClientCertificate = true;
                simulator.ClientCertificateValidator = certificate => TestCertificates.IsIssuedBy(certificate, _ca);
            },
            options =>
            {
                options.TrustedCaCertificatePath = _folder.File("ca.pem");
                client(options);
            });
        harness.State.JoinUser(Anchor.RoomId, Anchor.UserId);
        return harness;
    }

    private static Task<StartPushResult> StartPush(SimulatorHarness harness) =>
        harness.Client.StartPushAsync(new StartPushRequest { Target = Anchor, ChannelName = "c" });

    private static void AssertRefusedByTls(IlvbException ex, SimulatorHarness harness)
    {
        // Under TLS 1.3 the server judges the client certificate after the client's handshake has
        // finished, so the refusal may surface as a connection lost rather than refused.
        Assert.Contains(ex.Kind, new[] { IlvbFailureKind.ConnectionRefused, IlvbFailureKind.ConnectionLost });
        Assert.Empty(harness.State.Calls);
        Assert.Empty(harness.State.ActivePushes);
    }
}
