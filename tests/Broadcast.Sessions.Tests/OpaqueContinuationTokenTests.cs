using Broadcast.Durable;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Sessions.Tests;

/// <summary>A listing pages on over a backend whose own tokens are opaque cursors (the Functions host's).</summary>
public sealed class OpaqueContinuationTokenTests
{
    [Fact]
    public async Task List_PagesOn_WithAWrappedOpaqueToken_AndRefusesABareOne()
    {
        await using var host = await SessionTestHost.StartAsync();
        var room = TestRequests.NewRoom();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await host.CreateAsync(TestRequests.Session(room, key: $"opaque-{i}")));
        }

        var wrapped = ActivatorUtilities.CreateInstance<SessionService>(host.Services, new OpaqueCursorClient(host.Client, wrap: true));
        var bare = ActivatorUtilities.CreateInstance<SessionService>(host.Services, new OpaqueCursorClient(host.Client, wrap: false));
        var query = new SessionListQuery { RoomId = room, PageSize = 2 };

        var first = await wrapped.ListAsync(query, CancellationToken.None);
        var second = await wrapped.ListAsync(query with { ContinuationToken = first.ContinuationToken }, CancellationToken.None);
        var bareFirst = await bare.ListAsync(query, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SessionValidationException>(
            () => bare.ListAsync(query with { ContinuationToken = bareFirst.ContinuationToken }, CancellationToken.None));

        Assert.Equal(ids.Take(2), first.Items.Select(v => v.Id));
        Assert.StartsWith(SessionIds.ForRoom(room), first.ContinuationToken, StringComparison.Ordinal);
        Assert.Equal([ids[2]], second.Items.Select(v => v.Id));
        Assert.Null(second.ContinuationToken);
        Assert.Equal(["continuationToken"], refused.Errors.Keys);
        foreach (var id in ids)
        {
            await host.CancelAndWaitAsync(id);
        }

        host.AssertNothingLeftRunning();
    }

    [Theory]
    [InlineData("r12:", "{\"nextPartitionKey\":\"1!abc\",\"nextRowKey\":\"~x\"}")]
    [InlineData("", "cursor")]
    [InlineData(null, "ü~é")]
    public void Wrap_ThenUnwrap_GivesTheBackendTokenBack(string? prefix, string backendToken)
    {
        var token = PrefixedContinuationToken.Wrap(prefix, backendToken)!;

        Assert.StartsWith(prefix ?? "", token, StringComparison.Ordinal);
        Assert.True(PrefixedContinuationToken.TryUnwrap(token, prefix, out var unwrapped));
        Assert.Equal(backendToken, unwrapped);
    }

    [Theory]
    [InlineData("r12:")]
    [InlineData("r12:~")]
    [InlineData("r12:~not base64!")]
    [InlineData("r12:uanchor:~Y3Vyc29y")] // a token of the room-and-anchor listing, handed to the room's
    public void TryUnwrap_RefusesATokenItDidNotMakeForThatPrefix(string token) =>
        Assert.False(PrefixedContinuationToken.TryUnwrap(token, "r12:", out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Wrap_OfNoToken_IsNoToken(string? backendToken) => Assert.Null(PrefixedContinuationToken.Wrap("r12:", backendToken));
}
