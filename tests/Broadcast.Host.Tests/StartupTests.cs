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
}
