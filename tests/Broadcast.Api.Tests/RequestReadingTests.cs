using System.Text;
using System.Text.Json;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Http;

namespace Broadcast.Api.Tests;

public sealed class RequestReadingTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    [Fact]
    public void Forwarded_UsesTheCallersAddress_OwnIgnoresTheHeaders()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 5000);
        request.Headers["X-Forwarded-Proto"] = "https";
        request.Headers["X-Forwarded-Host"] = "broadcast.example.net, proxy.internal";

        Assert.Equal("https://broadcast.example.net", ApiAddress.Forwarded(request));
        Assert.Equal("http://127.0.0.1:5000", ApiAddress.Own(request));
        Assert.Equal("https://broadcast.example.net/api/sessions/r1%3Au2%3Ak/cancel",
            SessionLinks.For(ApiAddress.Forwarded(request), "r1:u2:k", created: true).CancelUrl.ToString());
    }

    [Fact]
    public async Task ListQuery_RoomIdNotANumber_Is400NamingRoomId()
    {
        var problem = SessionListQueryParser.TryParse(Query("roomId=abc"), out _);

        var (status, body) = await ResultReader.ExecuteAsync(problem!);
        Assert.Equal(400, status);
        Assert.Equal("'abc' is not a valid uint.", body.GetProperty("errors").GetProperty("roomId")[0].GetString());
    }

    [Fact]
    public async Task ListQuery_UnknownStatus_Is400ListingTheStatuses()
    {
        var problem = SessionListQueryParser.TryParse(Query("status=7"), out _);

        var (status, body) = await ResultReader.ExecuteAsync(problem!);
        Assert.Equal(400, status);
        Assert.StartsWith("'7' is not a session status; use one of", body.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ListQuery_AllValues_AreRead()
    {
        var problem = SessionListQueryParser.TryParse(Query("status=live&roomId=12&userId=a&pageSize=7&continuationToken=t"), out var query);

        Assert.Null(problem);
        Assert.Equal(new SessionListQuery { Status = SessionStatus.Live, RoomId = 12, UserId = "a", PageSize = 7, ContinuationToken = "t" }, query);
    }

    [Fact]
    public async Task Body_ChunkedOverTheLimit_Is413()
    {
        var request = JsonRequest("{\"reason\": \"" + new string('x', 2000) + "\"}", declareLength: false);

        var (value, problem) = await new JsonBodyReader(Json, 1024).ReadAsync<CancelRequest>(request, required: false, CancellationToken.None);

        Assert.Null(value);
        var (status, body) = await ResultReader.ExecuteAsync(problem!);
        Assert.Equal(413, status);
        Assert.Contains("1024 bytes", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_WrongType_Is400NamingTheField()
    {
        var request = JsonRequest("{\"reason\": 5}", declareLength: true);

        var (_, problem) = await new JsonBodyReader(Json, 1024).ReadAsync<CancelRequest>(request, required: true, CancellationToken.None);

        var (status, body) = await ResultReader.ExecuteAsync(problem!);
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.StartsWith("At 'reason':", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_NotJson_Is415_AndAbsentOptionalBody_IsNoProblem()
    {
        var text = JsonRequest("reason", declareLength: true);
        text.ContentType = "text/plain";
        var empty = new DefaultHttpContext().Request;
        empty.ContentLength = 0;
        var reader = new JsonBodyReader(Json, 1024);

        var (_, notJson) = await reader.ReadAsync<CancelRequest>(text, required: true, CancellationToken.None);
        var (none, noProblem) = await reader.ReadAsync<CancelRequest>(empty, required: false, CancellationToken.None);

        Assert.Equal(415, (await ResultReader.ExecuteAsync(notJson!)).Status);
        Assert.Null(none);
        Assert.Null(noProblem);
    }

    [Fact]
    public void ExceptionProblems_KnownExceptionsMap_UnknownIsLeftToTheHost()
    {
        var conflict = ExceptionProblems.From(new SessionConflictException("r1:ua:k"));
        var invalid = ExceptionProblems.From(new BadHttpRequestException("Failed to bind parameter \"uint roomId\" from \"abc\".", 400));

        Assert.Equal(409, conflict!.Status);
        Assert.StartsWith("'r1:ua:k' already exists", conflict.Detail, StringComparison.Ordinal);
        Assert.Equal("roomId: 'abc' is not a valid uint.", invalid!.Detail);
        Assert.Null(ExceptionProblems.From(new InvalidOperationException("boom")));
    }

    private static QueryCollection Query(string text) => new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text));

    private static HttpRequest JsonRequest(string body, bool declareLength)
    {
        var request = new DefaultHttpContext().Request;
        var bytes = Encoding.UTF8.GetBytes(body);
        request.Body = new MemoryStream(bytes);
        request.ContentType = "application/json";
        if (declareLength)
        {
            request.ContentLength = bytes.Length;
        }
        else
        {
            request.Headers.TransferEncoding = "chunked";
        }

        return request;
    }
}
