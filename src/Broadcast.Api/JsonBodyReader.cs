using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Broadcast.Api;

/// <summary>
/// Reads request bodies as the embedded host's minimal API binds them — JSON only, size-limited, strict fields — for
/// a host that reads bodies by hand (the Functions app).
/// </summary>
/// <param name="serializerOptions">The HTTP API's JSON options (web names, enums as strings, unknown fields refused).</param>
/// <param name="maxBodyBytes">Bodies larger than this are answered with 413 (<c>Host:MaxRequestBodyBytes</c>).</param>
public sealed class JsonBodyReader(JsonSerializerOptions serializerOptions, long maxBodyBytes)
{
    /// <summary>
    /// Reads a JSON body. Returns the value, or the problem to answer instead: 413 over the limit (by its declared length
    /// or while reading), 400 without a body when <paramref name="required"/>, 415 when it is not JSON, 400 naming the
    /// field for bad JSON.
    /// </summary>
    public async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, bool required, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, Problems.TooLarge(maxBodyBytes));
        }

        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return required ? (null, Problems.BadRequest($"The request needs a JSON body ({typeof(T).Name}).")) : (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        // A chunked body declares no length: read at most one byte past the limit before parsing.
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBodyBytes)
            {
                return (null, Problems.TooLarge(maxBodyBytes));
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(body, serializerOptions, cancellationToken);
            return value is null && required ? (null, Problems.BadRequest($"The body is JSON null, not a {typeof(T).Name}.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.InvalidJson(e));
        }
    }
}
