using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Broadcast.Ilvb.Simulator;

/// <summary>Reads the videorelay request: query parameters, the JSON envelope and <c>reqhead</c>.</summary>
internal static class WireReader
{
    public const uint SubCmdRecording = 0x5;
    public const uint SubCmdPush = 0x6;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    // A duplicated key is a packing error: JsonObject would otherwise fail later, on first access.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public static JsonObject? ParseBody(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonNode.Parse(body.Span, NodeOptions, DocumentOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The operation a body asks for, read leniently so faults can target even invalid requests.</summary>
    public static SimOperation? OperationOf(JsonObject? envelope)
    {
        var head = JsonFields.Object(envelope, "reqhead");
        if (head is null || JsonFields.UInt32(head, "uint32_sub_cmd", out var subCmd) != FieldState.Present)
        {
            return null;
        }

        var body = JsonFields.Object(envelope, "reqbody");
        var request = JsonFields.Object(body, subCmd == SubCmdPush ? "req_0x6" : "req_0x5");
        if (request is null || JsonFields.UInt32(request, "uint32_oper", out var oper) != FieldState.Present)
        {
            return null;
        }

        return (subCmd, oper) switch
        {
            (SubCmdPush, 1) => SimOperation.StartPush,
            (SubCmdPush, 2) => SimOperation.StopPush,
            (SubCmdRecording, 1) => SimOperation.StartRecording,
            (SubCmdRecording, 2) => SimOperation.StopRecording,
            _ => null,
        };
    }

    /// <summary>The header-verification failure (-4) of the query string, or null when it is acceptable.</summary>
    public static string? CheckQuery(IQueryCollection query)
    {
        foreach (var name in (string[])["usersig", "identifier"])
        {
            if (string.IsNullOrEmpty(query[name].ToString()))
            {
                return $"header verification failed: query parameter '{name}' is missing";
            }
        }

        var random = query["random"].ToString();
        if (!uint.TryParse(random, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return random.Length == 0
                ? "header verification failed: query parameter 'random' is missing"
                : "header verification failed: query parameter 'random' is not an unsigned 32-bit integer";
        }

        return null;
    }

    /// <summary>Whether the query's <c>sdkappid</c> is exactly the configured one.</summary>
    public static bool QueryAppIdMatches(IQueryCollection query, uint sdkAppId) =>
        uint.TryParse(query["sdkappid"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == sdkAppId;

    /// <summary>Reads <c>reqhead</c>; a missing or malformed required field is a packet error (-2).</summary>
    public static HeadReading ReadHead(JsonObject envelope)
    {
        var raw = JsonFields.Object(envelope, "reqhead");
        if (raw is null)
        {
            return HeadReading.Fail(ResultCodes.HeaderPacket, "packet error: 'reqhead' is missing or not an object");
        }

        var fields = new uint[4];
        var names = (string[])["uint32_sub_cmd", "uint32_seq", "uint32_auth_key", "uint32_sdk_appid"];
        for (var i = 0; i < names.Length; i++)
        {
            var state = JsonFields.UInt32(raw, names[i], out fields[i]);
            if (state != FieldState.Present)
            {
                return HeadReading.Fail(ResultCodes.HeaderPacket, $"packet error: reqhead.{names[i]} is {Describe(state)}");
            }
        }

        var accounts = JsonFields.StringArray(raw, "rpt_to_Account", out var list);
        if (accounts != FieldState.Present)
        {
            return HeadReading.Fail(ResultCodes.HeaderPacket, $"packet error: reqhead.rpt_to_Account is {Describe(accounts)} (an array of strings)");
        }

        if (list.Count != 1 || list[0].Length == 0)
        {
            return HeadReading.Fail(
                ResultCodes.HeaderPacket,
                $"packet error: reqhead.rpt_to_Account must hold exactly one non-empty account for sub-commands 0x5 and 0x6, not {list.Count}");
        }

        if (raw.TryGetPropertyValue("bytes_cookie_buff", out var cookie) && cookie is not null && cookie.GetValueKind() != JsonValueKind.String)
        {
            return HeadReading.Fail(ResultCodes.HeaderPacket, "packet error: reqhead.bytes_cookie_buff must be a string");
        }

        return HeadReading.Ok(new RequestHead(raw, fields[0], fields[1], fields[2], fields[3], list[0]));
    }

    /// <summary>Room, account and seq read leniently for the call log, whatever else is wrong.</summary>
    public static (uint? Room, string? User, uint? Seq) Identify(JsonObject? envelope)
    {
        var head = JsonFields.Object(envelope, "reqhead");
        if (head is null)
        {
            return (null, null, null);
        }

        uint? room = JsonFields.UInt32(head, "uint32_auth_key", out var r) == FieldState.Present ? r : null;
        uint? seq = JsonFields.UInt32(head, "uint32_seq", out var s) == FieldState.Present ? s : null;
        var user = JsonFields.StringArray(head, "rpt_to_Account", out var accounts) == FieldState.Present && accounts.Count > 0 ? accounts[0] : null;
        return (room, user, seq);
    }

    private static string Describe(FieldState state) => state == FieldState.Missing ? "missing" : "invalid";
}
