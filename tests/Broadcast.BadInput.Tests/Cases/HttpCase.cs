using System.Net;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// One bad HTTP request and what a correct host answers: the status, and a word the problem details must carry
/// (the field, parameter, header or id at fault; alternatives separated by '|') in <c>errors</c>, <c>title</c> or <c>detail</c>.
/// </summary>
public sealed record HttpCase(string Name, HttpMethod Method, string Path, HttpStatusCode Status, string Mentions)
{
    /// <summary>The body as text; null sends none (unless <see cref="RawBody"/> is set).</summary>
    public string? Body { get; init; }

    /// <summary>The body as bytes, for bodies no string can hold (invalid UTF-8).</summary>
    public byte[]? RawBody { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>Send the body without Content-Length (chunked), so the size limit must be enforced while reading.</summary>
    public bool Chunked { get; init; }

    /// <summary>
    /// Kestrel refuses the request before the host sees it (e.g. a NUL in the path): a bare 400 without a body is
    /// the right answer, and the host must go on serving.
    /// </summary>
    public bool RejectedByServer { get; init; }

    /// <summary>Sign the body as a room event (<c>X-Broadcast-Signature</c>) with the fixture's webhook key.</summary>
    public bool SignAsRoomEvent { get; init; }

    /// <summary>When set, the signature is of these bytes instead of the body sent (a forged or stale signature).</summary>
    public string? SignedBody { get; init; }

    /// <summary>The API key sent; null sends no key header.</summary>
    public string? ApiKey { get; init; } = BadInputFixture.ApiKey;
}
