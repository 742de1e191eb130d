using Broadcast.Sessions;
using Broadcast.Sessions.Tests;

namespace Broadcast.Functions.Tests;

/// <summary>
/// The session service over the app's client adapter and Durable Task's client: the answers that Durable Task leaves
/// open (an id that exists, an unknown or finished instance, its own paging cursor) are the embedded host's.
/// </summary>
public sealed class ClientAdapterTests
{
    [Fact]
    public async Task Create_SameKeyTwice_IsIdempotent_AndADifferentRequestConflicts()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var request = TestRequests.Session(TestRequests.NewRoom(), key: "show-1");

        var first = await host.Sessions.CreateAsync(request, CancellationToken.None);
        var again = await host.Sessions.CreateAsync(request, CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<SessionConflictException>(
            () => host.Sessions.CreateAsync(request with { ChannelName = "another show" }, CancellationToken.None));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.SessionId, again.SessionId);
        Assert.Equal(first.SessionId, conflict.Id);
        Assert.Single(await ListAllAsync(host, request.RoomId));
    }

    [Fact]
    public async Task Signals_ToAnUnknownSession_AreNotFound_AndToAFinishedOne_AlreadyFinished()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();
        var id = (await host.Sessions.CreateAsync(TestRequests.Session(room), CancellationToken.None)).SessionId;

        Assert.Equal(SignalResult.NotFound, await host.Sessions.SignalUserJoinedAsync($"{id}-unknown", CancellationToken.None));
        Assert.Equal(SignalResult.NotFound, await host.Sessions.CancelAsync($"{id}-unknown", null, CancellationToken.None));
        Assert.Null(await host.Sessions.GetAsync($"{id}-unknown", CancellationToken.None));
        Assert.Equal(SignalResult.Delivered, await host.Sessions.CancelAsync(id, "not today", CancellationToken.None));
        var ended = await host.WaitForEndAsync(id);

        Assert.Equal(SessionStatus.Cancelled, ended.Status);
        Assert.Equal(SignalResult.AlreadyFinished, await host.Sessions.CancelAsync(id, null, CancellationToken.None));
        Assert.Equal(SignalResult.AlreadyFinished, await host.Sessions.SignalUserJoinedAsync(id, CancellationToken.None));
        host.AssertNothingLeftRunning();
    }

    [Fact]
    public async Task List_PagesOnWithItsWrappedToken_AndRefusesAForeignOne()
    {
        await using var host = await FunctionsTestHost.StartAsync();
        using var bound = host.BindClient();
        var room = TestRequests.NewRoom();
        var ids = new List<string>();
        foreach (var anchor in new[] { "anchor-a", "anchor-b", "anchor-c" })
        {
            ids.Add((await host.Sessions.CreateAsync(TestRequests.Session(room, anchor), CancellationToken.None)).SessionId);
        }

        var first = await host.Sessions.ListAsync(new SessionListQuery { RoomId = room, PageSize = 2 }, CancellationToken.None);
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        var second = await host.Sessions.ListAsync(
            new SessionListQuery { RoomId = room, PageSize = 2, ContinuationToken = first.ContinuationToken }, CancellationToken.None);
        var foreign = await Assert.ThrowsAsync<SessionValidationException>(() => host.Sessions.ListAsync(
            new SessionListQuery { RoomId = room + 1, PageSize = 2, ContinuationToken = first.ContinuationToken }, CancellationToken.None));

        Assert.Null(second.ContinuationToken);
        Assert.Equal(ids.Order(StringComparer.Ordinal), first.Items.Concat(second.Items).Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Contains("continuationToken", foreign.Errors.Keys);
    }

    private static async Task<IReadOnlyList<SessionView>> ListAllAsync(FunctionsTestHost host, uint room) =>
        (await host.Sessions.ListAsync(new SessionListQuery { RoomId = room }, CancellationToken.None)).Items;
}
