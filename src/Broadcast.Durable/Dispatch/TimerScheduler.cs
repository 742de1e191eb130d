using System.Threading.Channels;
using Broadcast.Durable.Storage;
using Microsoft.Extensions.Logging;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Wakes instances when their delayed messages (durable timers, delayed starts) come due. Only the next
/// due time is held in memory: at that time the database is asked which instances have messages that
/// became visible since the last scan, and when the following one is due.
/// </summary>
internal sealed class TimerScheduler(DurableStore store, TimeProvider clock, Action<string> wake, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _scanRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private ITimer? _timer;
    private Task? _loop;
    private long _lastScan;
    private long _nextDue = long.MaxValue;
    private long _scheduledDuringScan = long.MaxValue;

    /// <summary>Starts scanning; messages visible at or before <paramref name="scannedUpTo"/> were already handed out.</summary>
    public void Start(long scannedUpTo)
    {
        _lastScan = scannedUpTo;
        _timer = clock.CreateTimer(_ => _scanRequests.Writer.TryWrite(true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _loop = Task.Run(LoopAsync);
        _scanRequests.Writer.TryWrite(true);
    }

    /// <summary>A message of <paramref name="instanceId"/> becomes visible at <paramref name="due"/> (ticks).</summary>
    public void Schedule(string instanceId, long due)
    {
        if (due <= clock.GetUtcNow().UtcTicks)
        {
            wake(instanceId);
            return;
        }

        lock (_gate)
        {
            _scheduledDuringScan = Math.Min(_scheduledDuringScan, due);
            if (due < _nextDue)
            {
                _nextDue = due;
                Arm(due);
            }
        }
    }

    /// <summary>Waits for a scan in progress to end.</summary>
    public async Task StopAsync()
    {
        Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _scanRequests.Writer.TryComplete();
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Arm(long due)
    {
        if (_timer is null)
        {
            return;
        }

        var delay = TimeSpan.FromTicks(due - clock.GetUtcNow().UtcTicks);
        if (delay <= TimeSpan.Zero)
        {
            _scanRequests.Writer.TryWrite(true);
            return;
        }

        // Timers have a millisecond resolution: round up so the scan never runs just before the due time.
        _timer.Change(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), Timeout.InfiniteTimeSpan);
    }

    private async Task LoopAsync()
    {
        while (await _scanRequests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _scanRequests.Reader.TryRead(out _);
            try
            {
                Scan();
            }
#pragma warning disable CA1031 // A failed scan (e.g. a locked file) is logged and retried by the next wake-up.
            catch (Exception exception) when (exception is not ObjectDisposedException)
#pragma warning restore CA1031
            {
                Log.TimerScanFailed(logger, exception);
                lock (_gate)
                {
                    _timer?.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private void Scan()
    {
        var now = clock.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            _scheduledDuringScan = long.MaxValue;
        }

        var (due, next) = store.Read(r => (r.LoadDueInstances(_lastScan, now), r.LoadNextDue(now)));
        _lastScan = now;
        foreach (var instanceId in due)
        {
            wake(instanceId);
        }

        lock (_gate)
        {
            _nextDue = Math.Min(next ?? long.MaxValue, _scheduledDuringScan);
            if (_nextDue != long.MaxValue)
            {
                Arm(_nextDue);
            }
        }
    }
}
