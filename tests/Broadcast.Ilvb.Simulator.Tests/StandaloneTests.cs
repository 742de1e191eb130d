using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed partial class StandaloneTests
{
    [Fact]
    public async Task Program_RunAsItsOwnProcess_PrintsItsUrlAndServesTheControlApi()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Broadcast.Ilvb.Simulator.dll");
        var start = new ProcessStartInfo(DotnetHost(), [dll, "--urls", "http://127.0.0.1:0", "--sdkappid", "1400000555"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            var url = await ReadListeningUrlAsync(process);
            using var client = new SimClient(new Uri(url + "/"));

            using var join = await client.Http.PostAsync("control/rooms/3/users/alice", null);
            var reply = await client.SendAsync(
                Wire.Envelope(Wire.Head(6, 3, "alice", sdkAppId: 1400000555), "req_0x6", Wire.StartPushBody()),
                Wire.Query(sdkAppId: "1400000555"));
            var live = await client.Http.GetFromJsonAsync<JsonObject>("control/live");

            Assert.True(join.IsSuccessStatusCode);
            Assert.Equal(0, reply.Code);
            Assert.Single(live!["pushes"]!.AsArray());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public void Configuration_CommandLine_SetsTheOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--sdkappid", "1400000009", "--channelLimit", "3", "--responseShape", "flat", "--seedRateTypeKey", "false", "--urls", "http://127.0.0.1:7999"])
            .Build();

        var options = SimulatorConfiguration.Read(configuration);

        Assert.Equal((1400000009u, (int?)3, ResponseShape.Flat, false, "http://127.0.0.1:7999"), (options.SdkAppId, options.ChannelLimit, options.ResponseShape, options.SeedRateTypeKey, options.Url));
    }

    [Fact]
    public void Configuration_Nothing_DefaultsToPort7090()
    {
        var options = SimulatorConfiguration.Read(new ConfigurationBuilder().Build());

        Assert.Equal(("http://127.0.0.1:7090", SimulatorOptions.DefaultSdkAppId), (options.Url, options.SdkAppId));
    }

    [Theory]
    [InlineData("sdkappid", "abc")]
    [InlineData("channelLimit", "-1")]
    [InlineData("responseShape", "round")]
    [InlineData("seedRateTypeKey", "maybe")]
    public void Configuration_BadValue_ThrowsNamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine([$"--{key}", value]).Build();

        var error = Assert.Throws<ArgumentException>(() => SimulatorConfiguration.Read(configuration));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    private static async Task<string> ReadListeningUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeAssist.Deadline);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                return match.Groups["url"].Value;
            }
        }

        throw new InvalidOperationException($"The simulator exited without printing its URL: {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"^ILVB simulator listening on (?<url>http://127\.0\.0\.1:\d+) \(sdkappid 1400000555\)$")]
    private static partial Regex ListeningLine();
}
