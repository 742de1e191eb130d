using System.Net.Http.Headers;
using Broadcast.Host;

namespace Broadcast.BadInput.Tests;

/// <summary>Every HTTP endpoint against bad input: a problem answer naming what is wrong, and nothing else changes.</summary>
[Collection(BadInputCases.Name)]
public sealed class HttpBadInputTests(BadInputFixture host)
{
    [Theory]
    [MemberData(nameof(HttpCases.Names), MemberType = typeof(HttpCases))]
    public async Task Endpoint_BadInput_AnswersProblemNamingTheFault(string name)
    {
        var badCase = HttpCases.ByName[name];

        using var response = await SendAsync(badCase);

        if (badCase.RejectedByServer)
        {
            Assert.Equal(badCase.Status, response.StatusCode);
            await host.AssertPromisesKeptAsync();
            return;
        }

        var problem = await ProblemText.ReadAsync(response);
        Assert.True(response.StatusCode == badCase.Status,
            $"{badCase.Method} {badCase.Path} answered {(int)response.StatusCode}, expected {(int)badCase.Status}: {problem}");
        Assert.True(ProblemText.Mentions(problem, badCase.Mentions), $"The problem does not name '{badCase.Mentions}': {problem}");
        await host.AssertPromisesKeptAsync();
    }

    [Fact]
    public void EveryRouteTheHostMaps_HasBadInputCases()
    {
        var routes = host.ApiRoutes();
        Assert.NotEmpty(routes);
        var missing = routes
            .Where(route => !HttpCases.ByName.Values.Any(c => c.Method.Method == route.Method && Matches(route.Pattern, c.Path)))
            .Select(route => $"{route.Method} {route.Pattern}")
            .ToList();

        Assert.True(missing.Count == 0, "No bad-input case calls: " + string.Join(", ", missing));
    }

    /// <summary>Whether a case's path (query aside) fits a route pattern; each <c>{parameter}</c> takes one segment.</summary>
    private static bool Matches(string pattern, string path)
    {
        var expression = "^" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimEnd('/'), @"\{[^}]+\}", "[^/?]+") + "/?(\\?.*)?$";
        return System.Text.RegularExpressions.Regex.IsMatch(path, expression);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpCase badCase)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(badCase.Method, badCase.Path);
        if (badCase.ApiKey is { } key)
        {
            request.Headers.TryAddWithoutValidation(HostOptions.ApiKeyHeader, key);
        }

        var bytes = badCase.RawBody ?? (badCase.Body is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : null);
        if (bytes is not null)
        {
            request.Content = badCase.Chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(badCase.ContentType);
            if (badCase.Chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }
        }

        if (badCase.SignAsRoomEvent)
        {
            var signed = badCase.SignedBody is { } other ? System.Text.Encoding.UTF8.GetBytes(other) : bytes ?? [];
            request.Headers.TryAddWithoutValidation(RoomEventSignature.Header, RoomEventSignature.Sign(BadInputFixture.WebhookKey, signed));
        }

        return await http.SendAsync(request);
    }
}
