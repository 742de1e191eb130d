using Broadcast.Ledger.Sqlite;

namespace Broadcast.Host;

/// <summary>Opens the leak ledger's file as the host starts, so an unusable <c>Ledger:DatabasePath</c> stops the start with its name.</summary>
internal sealed class LedgerStartupCheck(SqliteLeakLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ledger.Open();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
