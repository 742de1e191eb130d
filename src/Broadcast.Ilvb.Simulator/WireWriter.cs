using System.Text;
using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator;

/// <summary>Builds videorelay responses: the request's <c>reqhead</c> echoed with the result fields, then <c>rspbody</c>.</summary>
internal static class WireWriter
{
    /// <summary>A header-level failure: <c>reqhead.uint32_result</c> non-zero and no <c>rspbody</c>.</summary>
    public static JsonObject HeaderFailure(JsonObject? rawHead, long code, string message) =>
        new() { ["reqhead"] = Echo(rawHead, code, message) };

    /// <summary>The answer to a readable request: a header failure for negative codes, else the operation's <c>rspbody</c>.</summary>
    public static JsonObject Answer(JsonObject? rawHead, uint subCmd, OperationOutcome outcome, bool wrapped)
    {
        if (outcome.Code < 0)
        {
            return HeaderFailure(rawHead, outcome.Code, outcome.Message);
        }

        var rsp = new JsonObject
        {
            ["uint32_result"] = outcome.Code,
            ["str_errorinfo"] = outcome.Message,
        };
        if (outcome.Fields is not null)
        {
            foreach (var (name, value) in outcome.Fields)
            {
                rsp[name] = value?.DeepClone();
            }
        }

        var name0x = subCmd == WireReader.SubCmdRecording ? "rsp_0x5" : "rsp_0x6";
        return new JsonObject
        {
            ["reqhead"] = Echo(rawHead, ResultCodes.Success, string.Empty),
            ["rspbody"] = wrapped ? new JsonObject { [name0x] = rsp } : rsp,
        };
    }

    /// <summary>Replaces the echoed <c>uint32_seq</c> with a different one.</summary>
    public static void CorruptSequence(JsonObject answer)
    {
        if (answer["reqhead"] is JsonObject head)
        {
            var seq = JsonFields.UInt32(head, "uint32_seq", out var value) == FieldState.Present ? value : 0u;
            head["uint32_seq"] = unchecked(seq + 1);
        }
    }

    public static byte[] Serialize(JsonObject answer) => Encoding.UTF8.GetBytes(answer.ToJsonString());

    /// <summary>A body cut in the middle, so it is not JSON.</summary>
    public static byte[] Truncate(byte[] body) => body.AsSpan(0, Math.Max(1, body.Length / 2)).ToArray();

    private static JsonObject Echo(JsonObject? rawHead, long code, string message)
    {
        // The head is echoed unchanged (uint32_seq and bytes_cookie_buff above all); only the result fields are set.
        var head = rawHead?.DeepClone() as JsonObject ?? [];
        head["uint32_result"] = code;
        head["str_error_msg"] = message;
        return head;
    }
}
