using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator;

/// <summary>Sub-command 0x6: validates <c>req_0x6</c> as the seed specifies and starts or stops a push.</summary>
internal static class PushHandler
{
    public static OperationOutcome Handle(RequestHead head, JsonObject? reqbody, SimulatorState state, SimulatorOptions options, DateTimeOffset now)
    {
        var req = JsonFields.Object(reqbody, "req_0x6");
        if (req is null)
        {
            return OperationOutcome.Fail(ResultCodes.PushPacketMissing, "reqbody.req_0x6 is missing or not an object");
        }

        var oper = JsonFields.UInt32(req, "uint32_oper", out var operation);
        if (oper == FieldState.Missing)
        {
            return OperationOutcome.Fail(ResultCodes.PushOperMissing, "req_0x6.uint32_oper is missing");
        }

        if (oper == FieldState.Invalid || operation is not (1 or 2))
        {
            return OperationOutcome.Fail(ResultCodes.PushOperInvalid, "req_0x6.uint32_oper must be 1 (start) or 2 (stop)");
        }

        return operation == 1
            ? Start(head, req, state, options, now)
            : Stop(head, req, state);
    }

    private static OperationOutcome Start(RequestHead head, JsonObject req, SimulatorState state, SimulatorOptions options, DateTimeOffset now)
    {
        if (JsonFields.UInt32(req, "uint32_live_code", out var liveCode) != FieldState.Present || !LiveUrls.IsLiveCode(liveCode))
        {
            return OperationOutcome.Fail(ResultCodes.PushLiveCodeMissing, "req_0x6.uint32_live_code is missing or not 1 (HLS), 5 (RTMP) or 6 (HLS+RTMP)");
        }

        var invalid = CheckDataType(req) ?? CheckSdkType(req) ?? CheckStartFields(req);
        if (invalid is not null)
        {
            return invalid;
        }

        var rates = JsonFields.UInt32Array(req, "rpt_rate_type", out var rateTypes);
        if (rates == FieldState.Invalid || rateTypes.Any(r => !LiveUrls.IsRateType(r)))
        {
            return OperationOutcome.Fail(ResultCodes.PushBadRequest, "req_0x6.rpt_rate_type must be an array of 0 (original), 10 (SD) or 20 (HD)");
        }

        JsonFields.UInt32(req, "uint32_tape_flag", out var tapeFlag);
        var start = new PushStart(
            head.AuthKey,
            head.Account,
            liveCode,
            tapeFlag == 1,
            channelId => LiveUrls.For(options.SdkAppId, liveCode, rateTypes, channelId));
        var started = state.StartPush(start, options.ChannelLimit, now);
        if (started.Push is not { } push)
        {
            return new OperationOutcome(started.Code);
        }

        var fields = new JsonObject
        {
            ["uint64_channel_id"] = push.ChannelId,
            ["msg_live_url"] = UrlsToJson(push.LiveUrls, options.SeedRateTypeKey ? "RateType " : "RateType"),
        };
        if (push.TapeTaskId is { } tapeTaskId)
        {
            fields["uint32_tape_task_id"] = tapeTaskId;
        }

        return new OperationOutcome(ResultCodes.Success, Fields: fields);
    }

    private static OperationOutcome Stop(RequestHead head, JsonObject req, SimulatorState state)
    {
        // Stopping does not look at the room: leaving it does not end a push, so a stop must still work.
        var invalid = CheckDataType(req) ?? CheckSdkType(req);
        return invalid ?? new OperationOutcome(state.StopPush(head.AuthKey, head.Account));
    }

    private static OperationOutcome? CheckDataType(JsonObject req) =>
        JsonFields.UInt32(req, "uint32_push_data_type", out var type) == FieldState.Present && type is 0 or 1
            ? null
            : OperationOutcome.Fail(ResultCodes.PushDataTypeInvalid, "req_0x6.uint32_push_data_type is missing or not 0 (camera) or 1 (screen)");

    private static OperationOutcome? CheckSdkType(JsonObject req) =>
        JsonFields.UInt32(req, "uint32_sdk_type", out var type) == FieldState.Present && type is 1 or 2
            ? null
            : OperationOutcome.Fail(ResultCodes.PushBadRequest, "req_0x6.uint32_sdk_type is missing or not 1 (normal SDK) or 2 (IoT camera)");

    private static OperationOutcome? CheckStartFields(JsonObject req)
    {
        foreach (var name in (string[])["str_channel_name", "str_channel_describe", "str_player_pwd"])
        {
            var field = JsonFields.String(req, name, out _);
            if (field != FieldState.Present)
            {
                return OperationOutcome.Fail(ResultCodes.PushBadRequest, $"req_0x6.{name} is {(field == FieldState.Missing ? "missing" : "not a string")}");
            }
        }

        if (JsonFields.UInt32(req, "uint32_tape_flag", out var tape) != FieldState.Present || tape > 1)
        {
            return OperationOutcome.Fail(ResultCodes.PushBadRequest, "req_0x6.uint32_tape_flag is missing or not 0 or 1");
        }

        var watermark = JsonFields.UInt32(req, "uint32_watermark_flag", out var flag);
        if (watermark == FieldState.Invalid || flag > 1)
        {
            return OperationOutcome.Fail(ResultCodes.PushBadRequest, "req_0x6.uint32_watermark_flag must be 0 or 1");
        }

        return JsonFields.UInt32(req, "uint32_watermark_id", out _) == FieldState.Invalid
            ? OperationOutcome.Fail(ResultCodes.PushBadRequest, "req_0x6.uint32_watermark_id must be an unsigned 32-bit integer")
            : null;
    }

    private static JsonArray UrlsToJson(IReadOnlyList<LiveUrlEntry> urls, string rateKey)
    {
        var array = new JsonArray();
        foreach (var url in urls)
        {
            array.Add(new JsonObject
            {
                ["uint32_type"] = url.Type,
                ["string_play_url"] = url.PlayUrl,
                [rateKey] = url.RateType,
            });
        }

        return array;
    }
}
