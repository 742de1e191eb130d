using Broadcast.Sessions;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>
/// Runs a leak sweeper pass when the host starts and then every <see cref="LeakSweeperOptions.Interval"/>, waiting on
/// the host's <see cref="TimeProvider"/> (so a fake clock drives it in tests). <c>POST /api/ledger/sweep</c> runs one
/// more pass on demand; passes never overlap.
/// </summary>
internal sealed class LeakSweeperService(
    LeakSweeper sweeper, IOptions<LeakSweeperOptions> options, TimeProvider timeProvider, ILogger<LeakSweeperService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.SweeperDisabled(logger);
            return;
        }

        // The ledger's calls may complete synchronously: leave the host's start before the first pass.
        await Task.Yield();
        Log.SweeperStarted(logger, settings.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed pass (the ledger or the engine unreachable) is tried again at the next interval.
                Log.SweepPassFailed(logger, e);
            }

            try
            {
                await Task.Delay(settings.Interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
