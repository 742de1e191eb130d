using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using Broadcast.Ilvb.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Ilvb;

/// <summary>
/// The videorelay client (a typed <see cref="HttpClient"/>; register it with
/// <see cref="IlvbServiceCollectionExtensions.AddIlvbClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>).
/// Each call is one <c>POST {base}/v3/openim/videorelay?usersig=…&amp;identifier=…&amp;sdkappid=…&amp;random=…&amp;apn=0&amp;contenttype=json</c>
/// with a fresh <c>uint32_seq</c>, <c>bytes_cookie_buff</c> and <c>random</c>. Anything but a
/// verified success throws <see cref="IlvbException"/>; cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class IlvbClient : IIlvbClient
{
    private const uint PushSubCommand = 6;
    private const uint RecordingSubCommand = 5;
    private const string Redacted = "[redacted]";

    // Process-wide, so concurrent clients never share a seq; a random start keeps restarts apart.
    private static uint s_lastSequence = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    private readonly HttpClient _httpClient;
    private readonly IlvbOptions _options;
    private readonly IUserSigProvider _userSigProvider;
    private readonly IlvbErrorCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IlvbClient> _logger;

    /// <summary>Creates the client; normally done by the HTTP client factory.</summary>
    public IlvbClient(
        HttpClient httpClient,
        IOptions<IlvbOptions> options,
        IUserSigProvider userSigProvider,
        IlvbErrorCatalog catalog,
        TimeProvider timeProvider,
        ILogger<IlvbClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options.Value;
        _userSigProvider = userSigProvider ?? throw new ArgumentNullException(nameof(userSigProvider));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public async Task<StartPushResult> StartPushAsync(StartPushRequest request, CancellationToken cancellationToken = default)
    {
        var packet = IlvbRequests.StartPush(request);
        var response = await CallAsync<Rsp0x6>(IlvbOperation.StartPush, request.Target, new VideoRelayRequestBody { Req0x6 = packet }, cancellationToken);
        var urls = (response.LiveUrls ?? [])
            .Where(url => !string.IsNullOrWhiteSpace(url.PlayUrl))
            .Select(url => new PlayUrl((LiveCode)(url.Type ?? (uint)request.LiveCode), url.PlayUrl!, (Bitrate)(url.Bitrate ?? 0)))
            .ToList();
        return new StartPushResult(response.ChannelId, urls, response.TapeTaskId);
    }

    /// <inheritdoc/>
    public Task StopPushAsync(StopPushRequest request, CancellationToken cancellationToken = default)
    {
        var packet = IlvbRequests.StopPush(request);
        return CallAsync<Rsp0x6>(IlvbOperation.StopPush, request.Target, new VideoRelayRequestBody { Req0x6 = packet }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task StartRecordingAsync(StartRecordingRequest request, CancellationToken cancellationToken = default)
    {
        var packet = IlvbRequests.StartRecording(request);
        return CallAsync<Rsp0x5>(IlvbOperation.StartRecording, request.Target, new VideoRelayRequestBody { Req0x5 = packet }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StopRecordingResult> StopRecordingAsync(StopRecordingRequest request, CancellationToken cancellationToken = default)
    {
        var packet = IlvbRequests.StopRecording(request);
        var response = await CallAsync<Rsp0x5>(IlvbOperation.StopRecording, request.Target, new VideoRelayRequestBody { Req0x5 = packet }, cancellationToken);
        return new StopRecordingResult((response.FileIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToList());
    }

    private async Task<T> CallAsync<T>(IlvbOperation operation, StreamTarget target, VideoRelayRequestBody body, CancellationToken cancellationToken)
        where T : VideoRelayResponseBody
    {
        var isPush = operation is IlvbOperation.StartPush or IlvbOperation.StopPush;
        var userSig = await _userSigProvider.GetUserSigAsync(cancellationToken);
        var sequence = NextSequence();
        var cookie = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var json = VideoRelayJson.Serialize(new VideoRelayRequest
        {
            ReqHead = new GVCommOprHead
            {
                SubCommand = isPush ? PushSubCommand : RecordingSubCommand,
                Sequence = sequence,
                AuthKey = target.RoomId,
                SdkAppId = _options.SdkAppId,
                ToAccount = [target.UserId],
                CookieBuffer = cookie,
            },
            ReqBody = body,
        });

        var started = _timeProvider.GetTimestamp();
        Log.CallSending(_logger, operation, target.RoomId, target.UserId, sequence);
        try
        {
            var text = await SendAsync(operation, BuildUri(userSig), json, cancellationToken);
            var unreadable = new List<string>();
            var result = IlvbResponses.Read<T>(
                operation, text, sequence, cookie, isPush ? "rsp_0x6" : "rsp_0x5", _catalog, value => Redact(value, userSig), unreadable);
            if (unreadable.Count > 0)
            {
                Log.FieldsUnreadable(_logger, operation, target.RoomId, target.UserId, string.Join(", ", unreadable), sequence);
            }

            Log.CallSucceeded(_logger, operation, target.RoomId, target.UserId, sequence, ElapsedMs(started));
            return result;
        }
        catch (IlvbException ex)
        {
            Log.CallFailed(_logger, operation, target.RoomId, target.UserId, ex.Kind, ex.Code, ex.Category, sequence, ElapsedMs(started), ex);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.CallCancelled(_logger, operation, target.RoomId, target.UserId, sequence, ElapsedMs(started));
            throw;
        }
    }

    private async Task<string> SendAsync(IlvbOperation operation, Uri uri, string json, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw IlvbFailures.Status(operation, response.StatusCode);
            }

            return await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw IlvbFailures.Timeout(operation, _options.RequestTimeout, ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            // Carry the caller's token, not the linked one, so callers can tell their own cancellation.
            throw new TaskCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation nor our timer: the handler's own connect timeout, which can fire first.
            throw IlvbFailures.Timeout(operation, _options.RequestTimeout, ex);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw timeout.IsCancellationRequested ? IlvbFailures.Timeout(operation, _options.RequestTimeout, ex) : IlvbFailures.FromHttpRequest(operation, ex);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw IlvbFailures.ConnectionLost(operation, ex);
        }
    }

    private Uri BuildUri(string userSig)
    {
        var random = (uint)Random.Shared.NextInt64(0, (long)uint.MaxValue + 1);
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"usersig={Uri.EscapeDataString(userSig)}&identifier={Uri.EscapeDataString(_options.Identifier)}&sdkappid={_options.SdkAppId}&random={random}&apn=0&contenttype=json");
        return new Uri(_options.GetBaseUrl(), "v3/openim/videorelay?" + query);
    }

    private static uint NextSequence()
    {
        var sequence = Interlocked.Increment(ref s_lastSequence);
        return sequence != 0 ? sequence : Interlocked.Increment(ref s_lastSequence);
    }

    private long ElapsedMs(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static string? Redact(string? text, string userSig)
    {
        if (string.IsNullOrEmpty(text) || userSig.Length == 0)
        {
            return text;
        }

        return text.Replace(userSig, Redacted, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(userSig), Redacted, StringComparison.OrdinalIgnoreCase);
    }
}
