using System.Net;
using System.Text.RegularExpressions;

namespace Broadcast.Dashboard.Tests;

/// <summary>The host serves the dashboard's files at <c>/</c> without the key; the data behind them still needs it.</summary>
public sealed partial class DashboardFilesTests
{
    [Fact]
    public async Task Root_WithoutApiKey_ServesThePageButNotTheData()
    {
        await using var host = await DashboardHost.StartAsync();
        using var anonymous = host.CreateClient(withKey: false);

        using var page = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var data = await anonymous.GetAsync(new Uri("api/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }

    [Fact]
    public async Task EveryFileThePageLoads_IsServedWithItsContentType()
    {
        await using var host = await DashboardHost.StartAsync();
        using var anonymous = host.CreateClient(withKey: false);
        var html = await anonymous.GetStringAsync(new Uri("index.html", UriKind.Relative));

        // Follow the page's links and every module's imports, so a renamed or missing file fails here.
        var pending = new Queue<string>(LocalReference().Matches(html).Select(m => m.Groups["file"].Value));
        var served = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var file))
        {
            if (served.ContainsKey(file))
            {
                continue;
            }

            using var response = await anonymous.GetAsync(new Uri(file, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file} answered {(int)response.StatusCode}");
            served[file] = response.Content.Headers.ContentType?.MediaType;
            if (file.EndsWith(".js", StringComparison.Ordinal))
            {
                foreach (Match import in ModuleImport().Matches(await response.Content.ReadAsStringAsync()))
                {
                    pending.Enqueue(import.Groups["file"].Value);
                }
            }
        }

        Assert.Equal("text/javascript", served["app.js"]);
        Assert.Equal("text/css", served["styles.css"]);
        Assert.Equal("image/svg+xml", served["favicon.svg"]);
        Assert.Contains("gantt.js", served.Keys);
        Assert.All(served.Where(f => f.Key.EndsWith(".js", StringComparison.Ordinal)), f => Assert.Equal("text/javascript", f.Value));
    }

    [GeneratedRegex("""(?:src|href)="(?<file>[a-z0-9-]+\.(?:js|css|svg))""")]
    private static partial Regex LocalReference();

    [GeneratedRegex("""from '\./(?<file>[a-z0-9-]+\.js)'""")]
    private static partial Regex ModuleImport();
}
