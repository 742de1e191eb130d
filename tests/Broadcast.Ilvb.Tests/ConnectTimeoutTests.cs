using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Ilvb.Tests;

/// <summary>
/// The socket handler's connect timeout (set to the request timeout) can fire before the client's own timer, and
/// surfaces as a cancellation nobody asked for. A connect that never completes cannot be made reliably on loopback,
/// so a handler plays it.
/// </summary>
public sealed class ConnectTimeoutTests
{
    [Fact]
    public async Task ConnectTimeout_OfTheHandler_IsATimeout_NotAnUnexpectedCancellation()
    {
        await using var services = TestClients.Build(new Uri("http://127.0.0.1:1/"));
        using var http = new HttpClient(new ConnectTimingOut());
        var client = ActivatorUtilities.CreateInstance<IlvbClient>(services, http);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => client.StartPushAsync(new StartPushRequest { Target = new StreamTarget(3004, "anchor_04"), ChannelName = "c" }));

        Assert.Equal(IlvbFailureKind.Timeout, ex.Kind);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
        Assert.True(ex.OutcomeUnknown);
    }

    private sealed class ConnectTimingOut : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new TaskCanceledException("A connection could not be established within the connect timeout.", new TimeoutException());
    }
}
