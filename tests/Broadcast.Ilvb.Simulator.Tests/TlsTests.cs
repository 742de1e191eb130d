using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class TlsTests : IDisposable
{
    private readonly X509Certificate2 server = TestCertificates.Server();
    private readonly X509Certificate2 trusted = TestCertificates.Client("trusted-backend");
    private readonly X509Certificate2 stranger = TestCertificates.Client("stranger");

    [Fact]
    public async Task Https_ClientCertificatePresented_IsServed()
    {
        await using var simulator = await StartAsync(validator: null);
        using var client = Client(simulator, trusted);
        simulator.State.JoinUser(1, "alice");

        var reply = await client.StartPushAsync(1, "alice");

        Assert.Equal("https", simulator.BaseUrl.Scheme);
        Assert.Equal(0, reply.Code);
        Assert.Single(simulator.State.ActivePushes);
    }

    [Fact]
    public async Task Https_NoClientCertificate_IsRefusedBeforeTheEndpoint()
    {
        await using var simulator = await StartAsync(validator: null);
        using var client = Client(simulator, certificate: null);
        simulator.State.JoinUser(1, "alice");

        await Assert.ThrowsAnyAsync<Exception>(() => client.StartPushAsync(1, "alice"));

        Assert.Empty(simulator.State.Calls);
        Assert.Empty(simulator.State.ActivePushes);
    }

    [Fact]
    public async Task Https_ValidatorRejectsTheCertificate_IsRefused()
    {
        var thumbprint = trusted.Thumbprint;
        await using var simulator = await StartAsync(validator: c => c.Thumbprint == thumbprint);
        using var accepted = Client(simulator, trusted);
        using var refused = Client(simulator, stranger);
        simulator.State.JoinUser(1, "alice");

        await Assert.ThrowsAnyAsync<Exception>(() => refused.StartPushAsync(1, "alice"));
        var reply = await accepted.StartPushAsync(1, "alice");

        Assert.Equal(0, reply.Code);
        Assert.Single(simulator.State.Calls);
    }

    [Fact]
    public async Task Options_ClientCertificateWithoutServerCertificate_IsRejectedNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => IlvbSimulator.StartAsync(new SimulatorOptions { RequireClientCertificate = true }));

        Assert.Contains("ServerCertificate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        server.Dispose();
        trusted.Dispose();
        stranger.Dispose();
    }

    private Task<IlvbSimulator> StartAsync(Func<X509Certificate2, bool>? validator) =>
        IlvbSimulator.StartAsync(new SimulatorOptions
        {
            ServerCertificate = server,
            RequireClientCertificate = true,
            ClientCertificateValidator = validator,
        });

    private SimClient Client(IlvbSimulator simulator, X509Certificate2? certificate)
    {
        var serverThumbprint = server.Thumbprint;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = certificate is null ? null : [certificate],
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHashString() == serverThumbprint,
            },
        };
        return new SimClient(simulator.BaseUrl, handler);
    }
}
