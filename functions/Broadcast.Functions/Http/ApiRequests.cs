using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Broadcast.Functions;

/// <summary>Reads request bodies as the embedded host's minimal API binds them: JSON only, size-limited, strict fields.</summary>
public sealed class ApiRequests(IOptions<JsonOptions> json, IOptions<ApiOptions> options)
{
    /// <summary>Reads a required JSON body, or gives the problem to answer instead.</summary>
    public async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, bool required, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return (null, ApiProblems.TooLarge(limit));
        }

        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return required ? (null, ApiProblems.BadRequest($"The request needs a JSON body ({typeof(T).Name}).")) : (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, json.Value.SerializerOptions, cancellationToken);
            return value is null && required ? (null, ApiProblems.BadRequest($"The body is JSON null, not a {typeof(T).Name}.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.InvalidJson(e));
        }
    }
}
