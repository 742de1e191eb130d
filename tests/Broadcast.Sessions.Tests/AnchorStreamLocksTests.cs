using Broadcast.Ilvb;

namespace Broadcast.Sessions.Tests;

public sealed class AnchorStreamLocksTests
{
    private static readonly StreamTarget Anchor = new(7, "anchor-1");

    [Fact]
    public async Task Acquire_SameAnchor_WaitsForTheRelease()
    {
        var locks = new AnchorStreamLocks();
        var first = await locks.AcquireAsync(Anchor, CancellationToken.None);

        var second = locks.AcquireAsync(new StreamTarget(7, "anchor-1"), CancellationToken.None);
        Assert.False(second.IsCompleted);
        first.Dispose();
        first.Dispose(); // a second release of the same hold frees nothing more

        using (await second.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(1, locks.Count);
            Assert.False(locks.AcquireAsync(Anchor, CancellationToken.None).IsCompleted);
        }
    }

    [Fact]
    public async Task Acquire_OtherAnchors_DoNotWait()
    {
        var locks = new AnchorStreamLocks();
        using var held = await locks.AcquireAsync(Anchor, CancellationToken.None);

        Assert.True(locks.AcquireAsync(new StreamTarget(8, "anchor-1"), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(locks.AcquireAsync(new StreamTarget(7, "anchor-2"), CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Acquire_ReleasedOrCancelled_LeavesNoEntry()
    {
        var locks = new AnchorStreamLocks();
        var held = await locks.AcquireAsync(Anchor, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync(Anchor, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, locks.Count);
        held.Dispose();

        Assert.Equal(0, locks.Count);
        using var again = await locks.AcquireAsync(Anchor, CancellationToken.None);
        Assert.Equal(1, locks.Count);
    }
}
