using Xunit.Abstractions;

namespace Broadcast.BadInput.Tests;

/// <summary>How many bad-input cases the suite runs, and that they reach every endpoint and every queue.</summary>
public sealed class CaseCountTests(ITestOutputHelper output)
{
    private static readonly (string Method, string Route)[] Endpoints =
    [
        ("POST", "/api/sessions"),
        ("GET", "/api/sessions/"),
        ("GET", "/api/sessions?"),
        ("POST", "/user-joined"),
        ("POST", "/cancel"),
        ("POST", "/api/rooms/"),
        ("POST", "/api/schedules"),
        ("GET", "/api/schedules/"),
        ("DELETE", "/api/schedules/"),
    ];

    [Fact]
    public void Catalog_CoversEveryEndpointAndQueue_AndPrintsHowManyCasesRun()
    {
        var http = HttpCases.ByName.Values.ToList();
        var queue = QueueCases.ByName.Values.ToList();
        var vendor = VendorCases.List;
        var config = ConfigCases.ByName.Values.ToList();
        var total = http.Count + queue.Count + vendor.Count + config.Count;

        output.WriteLine($"Bad-input cases: {http.Count} HTTP, {queue.Count} queue, {vendor.Count} vendor answers, {config.Count} configurations; " +
                         $"{total} in all.");

        foreach (var (method, route) in Endpoints)
        {
            Assert.True(http.Any(c => c.Method.Method == method && c.Path.Contains(route, StringComparison.Ordinal)),
                $"No HTTP case calls {method} {route}.");
        }

        Assert.Contains(queue, c => c.Queue == QueueCases.SessionRequests);
        Assert.Contains(queue, c => c.Queue == QueueCases.UserJoined);
        Assert.Contains(queue, c => c.Queue == QueueCases.UserLeft);
        Assert.All(Enum.GetValues<VendorExpectation>(), expect => Assert.Contains(vendor, c => c.Expect == expect));
        Assert.True(total >= 200, $"Only {total} cases.");
    }
}
