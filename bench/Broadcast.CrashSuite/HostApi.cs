using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Host;
using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>
/// The host's HTTP API as a client that outlives crashes: a call that meets a dead host (refused or broken
/// connection, timeout, 5xx) is sent again until the host answers. Safe because every call the suite makes is
/// idempotent: creates carry an explicit key, a repeated signal or cancel changes nothing.
/// </summary>
internal sealed class HostApi(HostProcess host, TimeSpan patience) : IDisposable
{
    private readonly HttpClient _http = CreateClient();
    private int _retries;

    /// <summary>Calls sent again because the host was down or failed.</summary>
    public int Retries => _retries;

    /// <summary>POST /api/sessions: true when created, false when an earlier (maybe unanswered) attempt had created it.</summary>
    public async Task<bool> CreateAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/sessions")
        {
            Content = JsonContent.Create(request, options: DurableJson.Options),
        }, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => true,
            HttpStatusCode.OK => false,
            _ => throw await UnexpectedAsync(response, "POST /api/sessions", cancellationToken),
        };
    }

    /// <summary>GET /api/sessions/{id}; null when the host does not know it.</summary>
    public async Task<SessionView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, SessionPath(id)), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<SessionView>(DurableJson.Options, cancellationToken),
            HttpStatusCode.NotFound => null,
            _ => throw await UnexpectedAsync(response, $"GET {SessionPath(id)}", cancellationToken),
        };
    }

    /// <summary>POST /api/sessions/{id}/user-joined or /cancel.</summary>
    public async Task<SignalResult> SignalAsync(string id, string action, CancellationToken cancellationToken)
    {
        var path = SessionPath(id) + "/" + action;
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Accepted => SignalResult.Delivered,
            HttpStatusCode.NotFound => SignalResult.NotFound,
            HttpStatusCode.Conflict => SignalResult.AlreadyFinished,
            _ => throw await UnexpectedAsync(response, "POST " + path, cancellationToken),
        };
    }

    /// <summary>POST /api/rooms/{roomId}/users/{userId}/joined: the sessions signalled.</summary>
    public async Task<IReadOnlyList<string>> SignalRoomAsync(uint roomId, string userId, CancellationToken cancellationToken)
    {
        var path = $"api/rooms/{roomId.ToString(CultureInfo.InvariantCulture)}/users/{Uri.EscapeDataString(userId)}/joined";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await UnexpectedAsync(response, "POST " + path, cancellationToken);
        }

        var result = await response.Content.ReadFromJsonAsync<RoomSignal>(DurableJson.Options, cancellationToken);
        return result?.Signalled ?? [];
    }

    /// <summary>Every session the host has, page by page.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<SessionView>();
        string? token = null;
        do
        {
            var path = "api/sessions?pageSize=500" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await UnexpectedAsync(response, "GET " + path, cancellationToken);
            }

            var page = await response.Content.ReadFromJsonAsync<SessionPage>(DurableJson.Options, cancellationToken)
                ?? throw new InvalidOperationException("GET /api/sessions answered null.");
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var giveUp = DateTime.UtcNow + patience;
        while (true)
        {
            using var request = build();
            request.RequestUri = new Uri(host.BaseUrl, request.RequestUri!);
            try
            {
                var response = await _http.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The host is down, starting, or died while answering.
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new InvalidOperationException($"The host did not answer {request.Method} {request.RequestUri} for {patience.TotalSeconds:0} s.");
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string SessionPath(string id) => "api/sessions/" + Uri.EscapeDataString(id);

    private static async Task<Exception> UnexpectedAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken) =>
        new SuiteFailureException($"{call} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");

    private static HttpClient CreateClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        http.DefaultRequestHeaders.Add(HostOptions.ApiKeyHeader, HostProcess.ApiKey);
        return http;
    }
}
