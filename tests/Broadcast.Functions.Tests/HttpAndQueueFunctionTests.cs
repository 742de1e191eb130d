using System.Text.Json;
using Broadcast.Sessions;
using Broadcast.Sessions.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Functions.Tests;

/// <summary>
/// The app's HTTP and queue functions, called as the runtime calls them (the request, the route values, the bound
/// Durable client), on Durable Task with the simulator: their answers are the embedded host's.
/// </summary>
public sealed class HttpAndQueueFunctionTests
{
    [Fact]
    public async Task Http_CreateJoinCancel_AnswersAsTheEmbeddedHost_AndNothingIsLeftRunning()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SessionsFunctions>();
        var rooms = host.Services.GetRequiredService<RoomsFunctions>();
        var room = TestRequests.NewRoom();
        var body = $$$"""{"roomId": {{{room}}}, "userId": "anchor-1", "channelName": "Show", "key": "show-1", "recording": {"mode": "Separate", "fileName": "show"}}""";

        var create = FunctionHttp.Request(host.Services, "POST", "/api/sessions", body);
        var (created, links) = await FunctionHttp.WriteAsync(create, await api.CreateSession(create, host.DurableClient, CancellationToken.None));
        var repeat = FunctionHttp.Request(host.Services, "POST", "/api/sessions", body);
        var (repeated, _) = await FunctionHttp.WriteAsync(repeat, await api.CreateSession(repeat, host.DurableClient, CancellationToken.None));
        Assert.Equal(201, created);
        Assert.Equal(200, repeated);
        var id = links.GetProperty("id").GetString()!;
        Assert.Equal($"http://broadcast.example/api/sessions/{Uri.EscapeDataString(id)}", create.HttpContext.Response.Headers.Location.ToString());

        host.Simulator.State.JoinUser(room, "anchor-1");
        var join = FunctionHttp.Request(host.Services, "POST", $"/api/rooms/{room}/users/anchor-1/joined");
        var (joined, signalled) = await FunctionHttp.WriteAsync(join,
            await rooms.SignalUserJoined(join, room.ToString(System.Globalization.CultureInfo.InvariantCulture), "anchor-1", host.DurableClient, CancellationToken.None));
        Assert.Equal(200, joined);
        Assert.Equal([id], signalled.GetProperty("signalled").EnumerateArray().Select(e => e.GetString()));
        using (host.BindClient())
        {
            await host.WaitForStatusAsync(id, SessionStatus.Live);
        }

        var cancel = FunctionHttp.Request(host.Services, "POST", $"/api/sessions/{id}/cancel", """{"reason": "show is over"}""");
        var (cancelled, _) = await FunctionHttp.WriteAsync(cancel, await api.CancelSession(cancel, id, host.DurableClient, CancellationToken.None));
        Assert.Equal(202, cancelled);
        using (host.BindClient())
        {
            Assert.Equal(SessionStatus.Completed, (await host.WaitForEndAsync(id)).Status);
        }

        var get = FunctionHttp.Request(host.Services, "GET", $"/api/sessions/{id}");
        var (read, view) = await FunctionHttp.WriteAsync(get, await api.GetSession(get, id, host.DurableClient, CancellationToken.None));
        Assert.Equal(200, read);
        Assert.Equal("Completed", view.GetProperty("status").GetString());
        Assert.Equal("Cancelled", view.GetProperty("result").GetProperty("endReason").GetString());
        var late = FunctionHttp.Request(host.Services, "POST", $"/api/sessions/{id}/user-joined");
        var (finished, problem) = await FunctionHttp.WriteAsync(late, await api.SignalUserJoined(late, id, host.DurableClient, CancellationToken.None));
        Assert.Equal(409, finished);
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task Http_BadBodiesAndUnknownIds_AreProblemsThatNameTheField()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SessionsFunctions>();

        var wrongType = FunctionHttp.Request(host.Services, "POST", "/api/sessions", """{"roomId": "one", "userId": "anchor-1"}""");
        var (status, problem) = await FunctionHttp.WriteAsync(wrongType, await api.CreateSession(wrongType, host.DurableClient, CancellationToken.None));
        Assert.Equal(400, status);
        Assert.Contains("roomId", problem.GetRawText(), StringComparison.Ordinal);

        var outOfRange = FunctionHttp.Request(host.Services, "POST", "/api/sessions", """{"roomId": 4294967296, "userId": "anchor-1"}""");
        (status, problem) = await FunctionHttp.WriteAsync(outOfRange, await api.CreateSession(outOfRange, host.DurableClient, CancellationToken.None));
        Assert.Equal(400, status);
        Assert.Contains("roomId", problem.GetRawText(), StringComparison.Ordinal);

        var missing = FunctionHttp.Request(host.Services, "POST", "/api/sessions", """{"roomId": 7}""");
        (status, problem) = await FunctionHttp.WriteAsync(missing, await api.CreateSession(missing, host.DurableClient, CancellationToken.None));
        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userId", out _), problem.GetRawText());

        var unknown = FunctionHttp.Request(host.Services, "GET", "/api/sessions/r1:uanchor-1:nobody");
        (status, _) = await FunctionHttp.WriteAsync(unknown, await api.GetSession(unknown, "r1:uanchor-1:nobody", host.DurableClient, CancellationToken.None));
        Assert.Equal(404, status);
        Assert.Empty(host.Simulator.State.Calls);
    }

    [Fact]
    public async Task Queue_SignalsThatNobodyTakesOrCannotBeRead_ThrowWithTheirReason_AndAGoodOneIsDelivered()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        var queues = host.Services.GetRequiredService<QueueFunctions>();
        var room = TestRequests.NewRoom();

        var garbled = await Assert.ThrowsAsync<QueueMessageNotHandledException>(
            () => queues.UserJoined("{\"roomId\": ", host.DurableClient, CancellationToken.None));
        var nobody = await Assert.ThrowsAsync<QueueMessageNotHandledException>(() => queues.UserJoined(
            JsonSerializer.Serialize(new { roomId = room, userId = "anchor-1" }), host.DurableClient, CancellationToken.None));
        Assert.Contains("JSON", garbled.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("anchor-1", nobody.Message, StringComparison.Ordinal);

        string id;
        using (host.BindClient())
        {
            id = (await host.Sessions.CreateAsync(TestRequests.Session(room), CancellationToken.None)).SessionId;
        }

        host.Simulator.State.JoinUser(room, "anchor-1");
        await queues.UserJoined(JsonSerializer.Serialize(new { sessionId = id }), host.DurableClient, CancellationToken.None);
        using var bound = host.BindClient();
        await host.WaitForStatusAsync(id, SessionStatus.Live);
        await host.Sessions.CancelAsync(id, null, CancellationToken.None);
        Assert.Equal(SessionStatus.Completed, (await host.WaitForEndAsync(id)).Status);
        host.AssertNothingLeftRunning();
    }
}
