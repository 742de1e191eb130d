using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator;

/// <summary>Sub-command 0x5: validates <c>req_0x5</c> as the seed specifies and starts or stops a recording.</summary>
internal static class RecordingHandler
{
    private static readonly string[] OptionalNumbers = ["uint32_classid", "uint32_IsTransCode", "uint32_IsScreenShot", "uint32_IsWaterMark"];

    public static OperationOutcome Handle(RequestHead head, JsonObject? reqbody, SimulatorState state, SimulatorOptions options, DateTimeOffset now)
    {
        var req = JsonFields.Object(reqbody, "req_0x5");
        if (req is null)
        {
            return OperationOutcome.Fail(ResultCodes.RecordPacketMissing, "reqbody.req_0x5 is missing or not an object");
        }

        var oper = JsonFields.UInt32(req, "uint32_oper", out var operation);
        if (oper == FieldState.Missing)
        {
            return OperationOutcome.Fail(ResultCodes.RecordOperMissing, "req_0x5.uint32_oper is missing");
        }

        if (oper == FieldState.Invalid || operation is not (1 or 2))
        {
            return OperationOutcome.Fail(ResultCodes.RecordBadRequest, "req_0x5.uint32_oper must be 1 (start) or 2 (stop)");
        }

        return operation == 1
            ? Start(head, req, state, now)
            : Stop(head, req, state, options, now);
    }

    private static OperationOutcome Start(RequestHead head, JsonObject req, SimulatorState state, DateTimeOffset now)
    {
        if (JsonFields.String(req, "string_file_name", out var fileName) != FieldState.Present || fileName.Length == 0)
        {
            return OperationOutcome.Fail(ResultCodes.RecordFileNameMissing, "req_0x5.string_file_name is missing or empty");
        }

        var invalid = CheckDataType(req) ?? CheckSdkType(req) ?? CheckOptional(req);
        return invalid ?? new OperationOutcome(state.StartRecording(head.AuthKey, head.Account, fileName, now));
    }

    private static OperationOutcome Stop(RequestHead head, JsonObject req, SimulatorState state, SimulatorOptions options, DateTimeOffset now)
    {
        var invalid = CheckDataType(req) ?? CheckSdkType(req);
        if (invalid is not null)
        {
            return invalid;
        }

        // Like a push, a recording outlives its user's presence in the room: the stop does not check it.
        var stopped = state.StopRecording(head.AuthKey, head.Account, now, options.RecordingSegmentLength);
        if (stopped.Code != ResultCodes.Success)
        {
            return new OperationOutcome(stopped.Code);
        }

        var ids = new JsonArray();
        foreach (var id in stopped.FileIds)
        {
            ids.Add(id);
        }

        return new OperationOutcome(ResultCodes.Success, Fields: new JsonObject { ["str_fileID"] = ids });
    }

    private static OperationOutcome? CheckDataType(JsonObject req) =>
        JsonFields.UInt32(req, "uint32_record_data_type", out var type) == FieldState.Present && type is 0 or 1
            ? null
            : OperationOutcome.Fail(ResultCodes.RecordDataTypeInvalid, "req_0x5.uint32_record_data_type is missing or not 0 (camera) or 1 (screen)");

    private static OperationOutcome? CheckSdkType(JsonObject req) =>
        JsonFields.UInt32(req, "uint32_sdk_type", out var type) == FieldState.Present && type is 1 or 2
            ? null
            : OperationOutcome.Fail(ResultCodes.RecordBadRequest, "req_0x5.uint32_sdk_type is missing or not 1 (normal SDK) or 2 (IoT camera)");

    private static OperationOutcome? CheckOptional(JsonObject req)
    {
        if (JsonFields.StringArray(req, "string_tags", out _) == FieldState.Invalid)
        {
            return OperationOutcome.Fail(ResultCodes.RecordBadRequest, "req_0x5.string_tags must be an array of strings");
        }

        var bad = OptionalNumbers.FirstOrDefault(name => JsonFields.UInt32(req, name, out _) == FieldState.Invalid);
        return bad is null
            ? null
            : OperationOutcome.Fail(ResultCodes.RecordBadRequest, $"req_0x5.{bad} must be an unsigned 32-bit integer");
    }
}
