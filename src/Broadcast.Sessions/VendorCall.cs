using Broadcast.Ilvb;
using Microsoft.Extensions.Logging;

namespace Broadcast.Sessions;

/// <summary>What every activity does around its one client call: vendor failures become data, and each call is logged and counted.</summary>
internal static class VendorCall
{
    public static async Task<CallOutcome<T>> RunAsync<T>(
        string operation, string sessionId, int attempt, Func<CancellationToken, Task<T>> call, SessionMetrics metrics, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (attempt > 1)
        {
            metrics.RecordRetry(operation);
        }

        try
        {
            var payload = await call(cancellationToken);
            metrics.RecordCall(operation, 0, null);
            Log.CallSucceeded(logger, sessionId, operation, attempt);
            return new CallOutcome<T>(payload, null);
        }
        catch (IlvbException e)
        {
            metrics.RecordCall(operation, e.Code, e.Category);
            Log.CallFailed(logger, sessionId, operation, attempt, e.Kind, e.Code, e.Category, e.Description);
            return new CallOutcome<T>(default, SessionError.FromException(operation, e));
        }
    }
}
