using Broadcast.Durable;
using Microsoft.DurableTask.Worker;

namespace Broadcast.Functions;

/// <summary>
/// Puts an exception's <see cref="IFailureCode.ErrorCode"/> into Durable Task's failure-details properties, so that
/// <see cref="TaskFailureDetails.ErrorCode"/> reads the same in the orchestration as under the embedded engine.
/// </summary>
internal sealed class FailureCodePropertiesProvider : IExceptionPropertiesProvider
{
    public IDictionary<string, object?>? GetExceptionProperties(Exception exception) =>
        exception is IFailureCode { ErrorCode: { } code }
            ? new Dictionary<string, object?> { [DurableTaskMapping.ErrorCodeProperty] = code }
            : null;
}
