using System.Text.Json;
using Broadcast.Durable;
using Dt = Microsoft.DurableTask;
using DtClient = Microsoft.DurableTask.Client;

namespace Broadcast.Functions;

/// <summary>Converts Durable Task's records into the engine-neutral ones and back, field for field.</summary>
internal static class DurableTaskMapping
{
    /// <summary>The failure-details property that carries <see cref="IFailureCode.ErrorCode"/> (see <see cref="FailureCodePropertiesProvider"/>).</summary>
    public const string ErrorCodeProperty = "ErrorCode";

    public static TaskFailureDetails ToFailureDetails(Dt.TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new TaskFailureDetails(
            details.ErrorType,
            details.ErrorMessage,
            FindErrorCode(details),
            details.StackTrace,
            details.InnerFailure is null ? null : ToFailureDetails(details.InnerFailure));
    }

    public static OrchestrationMetadata ToMetadata(DtClient.OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new OrchestrationMetadata
        {
            Name = metadata.Name,
            InstanceId = metadata.InstanceId,
            RuntimeStatus = ToStatus(metadata.RuntimeStatus),
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            SerializedInput = metadata.SerializedInput,
            SerializedOutput = metadata.SerializedOutput,
            SerializedCustomStatus = metadata.SerializedCustomStatus,
            FailureDetails = metadata.FailureDetails is null ? null : ToFailureDetails(metadata.FailureDetails),
        };
    }

    /// <summary>
    /// Maps by name, which also keeps clear of Durable Task's obsolete members. <c>Suspended</c> has no counterpart:
    /// such an instance is alive and will run again once resumed, so it reads as <see cref="OrchestrationRuntimeStatus.Running"/>.
    /// </summary>
    public static OrchestrationRuntimeStatus ToStatus(DtClient.OrchestrationRuntimeStatus status) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(status.ToString(), out var mapped) && Enum.IsDefined(mapped)
            ? mapped
            : OrchestrationRuntimeStatus.Running;

    public static DtClient.OrchestrationRuntimeStatus ToDurableTaskStatus(OrchestrationRuntimeStatus status) =>
        Enum.Parse<DtClient.OrchestrationRuntimeStatus>(status.ToString());

    public static DtClient.OrchestrationQuery ToQuery(OrchestrationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new DtClient.OrchestrationQuery(
            CreatedFrom: query.CreatedFrom,
            CreatedTo: query.CreatedTo,
            Statuses: query.Statuses is { Count: > 0 } statuses ? statuses.Select(ToDurableTaskStatus).ToList() : null,
            TaskHubNames: null,
            InstanceIdPrefix: query.InstanceIdPrefix,
            PageSize: query.PageSize,
            FetchInputsAndOutputs: query.FetchInputsAndOutputs,
            ContinuationToken: query.ContinuationToken);
    }

    // The activity's exception may be wrapped by the Functions host, so the code is looked for down the chain.
    private static string? FindErrorCode(Dt.TaskFailureDetails? details)
    {
        for (; details is not null; details = details.InnerFailure)
        {
            if (details.Properties?.TryGetValue(ErrorCodeProperty, out var value) == true && value is not null)
            {
                return value is JsonElement { ValueKind: JsonValueKind.String } text ? text.GetString() : value.ToString();
            }
        }

        return null;
    }
}
