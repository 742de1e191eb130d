using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Broadcast.Host.Tests;

/// <summary>The host refuses to run exposed without a key, and says which setting to set.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://[::]:0")]
    public async Task Start_BeyondLoopbackWithoutApiKey_FailsNamingHostApiKey(string url)
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-host-startup-");
        try
        {
            await using var app = BroadcastHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Engine:DatabasePath"] = Path.Combine(folder.FullName, "broadcast.db"),
                ["Host:UseSimulator"] = "true",
                ["Host:PrintSummary"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            app.Urls.Add(url);

            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Host:ApiKey", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("auto", true)]
    [InlineData("False", true)]
    [InlineData("flase", false)]
    public async Task UseSimulator_TakesTrueFalseOrAuto_AndRefusesAnythingElseNamingIt(string value, bool starts)
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-host-sim-");
        try
        {
            await using var app = BroadcastHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Engine:DatabasePath"] = Path.Combine(folder.FullName, "broadcast.db"),
                ["Host:UseSimulator"] = value,
                ["Host:PrintSummary"] = "false",
                ["Ilvb:BaseUrl"] = "http://127.0.0.1:9/",
                ["Ilvb:SdkAppId"] = "1400000000",
                ["Ilvb:Identifier"] = "admin",
                ["Ilvb:UserSig"] = "a-user-sig",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            app.Urls.Add("http://127.0.0.1:0");

            if (starts)
            {
                await app.StartAsync();
                await app.StopAsync();
            }
            else
            {
                var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
                Assert.Contains("Host:UseSimulator must be true, false or auto (was 'flase')", failure.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_BeyondLoopbackWithoutApiKey_ReturnsOneInsteadOfStarting()
    {
        var folder = Directory.CreateTempSubdirectory("broadcast-host-run-");
        try
        {
            var exitCode = await BroadcastHostApp.RunAsync(
            [
                "--urls", "http://0.0.0.0:0",
                "--Engine:DatabasePath", Path.Combine(folder.FullName, "broadcast.db"),
                "--Host:UseSimulator", "true",
                "--Logging:LogLevel:Default", "None",
            ]);

            Assert.Equal(1, exitCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("https://127.0.0.2:443", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://+:7071", false)]
    [InlineData("http://192.168.1.10:7071", false)]
    [InlineData("http://host.example:7071", false)]
    public void IsLoopback_TellsLoopbackFromExposedAddresses(string address, bool loopback) =>
        Assert.Equal(loopback, HostOptionsValidator.IsLoopback(address));

    [Fact]
    public async Task Start_OnLoopbackWithoutApiKey_ServesWithoutKey()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Host:ApiKey"] = "" });
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/api/sessions");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithoutApiKey_OnlyLoopbackNamesAndTheHostsOwnPages_AreServed()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Host:ApiKey"] = "" });
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var own = $"http://{host.BaseAddress.Authority}";

        using var rebound = await SendAsync(HttpMethod.Get, "/api/sessions", request => request.Headers.Host = $"attacker.example:{host.BaseAddress.Port}");
        using var crossSite = await SendAsync(HttpMethod.Post, "/api/rooms/7/users/anchor-1/joined", request =>
        {
            request.Headers.Add("Origin", "http://attacker.example");
            request.Content = new StringContent("", System.Text.Encoding.UTF8, "text/plain");
        });
        using var otherLocalPort = await SendAsync(HttpMethod.Post, "/api/rooms/7/users/anchor-1/joined",
            request => request.Headers.Add("Origin", "http://127.0.0.1:1"));
        using var byLocalhost = await SendAsync(HttpMethod.Get, "/api/sessions", request => request.Headers.Host = $"localhost:{host.BaseAddress.Port}");
        using var ownPage = await SendAsync(HttpMethod.Post, "/api/rooms/7/users/anchor-1/joined", request => request.Headers.Add("Origin", own));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, rebound.StatusCode);
        Assert.Contains("'attacker.example:", await rebound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("Origin 'http://attacker.example'", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, otherLocalPort.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, byLocalhost.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, ownPage.StatusCode);

        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage> shape)
        {
            using var request = new HttpRequestMessage(method, path);
            shape(request);
            return await anonymous.SendAsync(request);
        }
    }

    [Fact]
    public async Task WithApiKey_AForeignOriginWithTheKey_IsServed()
    {
        await using var host = await TestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
        request.Headers.Add("Origin", "http://elsewhere.example");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
