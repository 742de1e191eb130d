using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// <c>POST /v3/openim/videorelay</c>: reads the call, consults the fault plan, runs the protocol
/// checks and the operation, and answers (or faults) the way the plan says.
/// </summary>
internal sealed class VideorelayEndpoint(SimulatorState state, FaultPlan faults, SimulatorOptions options, ILogger logger)
{
    public const string Path = "/v3/openim/videorelay";

    private const int MaxBodyBytes = 1 << 20;
    private static readonly byte[] HalfEnvelope = "{\"reqhead\":{\"uint32_result\":0,\"str_err"u8.ToArray();

    private int answers;

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var arrived = options.TimeProvider.GetUtcNow();
        byte[]? body;
        try
        {
            body = await ReadBodyAsync(context.Request, aborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            return; // The caller went away while sending: there is no call to answer or log.
        }

        var envelope = body is null ? null : WireReader.ParseBody(body);
        var operation = WireReader.OperationOf(envelope);
        var (room, user, seq) = WireReader.Identify(envelope);
        var decision = faults.Next(operation);
        long? code = null;
        var processed = false;
        var recorded = false;

        // The call is logged before its answer leaves: a caller that reads the log right after the
        // answer (or the failure) must find the call there.
        void Record()
        {
            if (!recorded)
            {
                recorded = true;
                state.Record(new CallRecord(arrived, operation, room, user, seq, code, processed, decision.Kind, decision.DelayBefore + decision.DelayAfter));
                LogCall(operation, room, user, seq, code, decision);
            }
        }

        try
        {
            await DelayAsync(decision.DelayBefore, aborted);
            var fault = decision.Fault;
            if (fault is { Timing: FaultTiming.BeforeProcessing })
            {
                code = fault.Kind is FaultKind.BodyCode or FaultKind.HeaderCode ? fault.Code : null;
                Record();
                await ApplyFaultAsync(context, fault, envelope, operation, answer: null);
                return;
            }

            var (answer, result) = Process(context.Request.Query, envelope, body is null, arrived);
            processed = true;
            code = result;
            await DelayAsync(decision.DelayAfter, aborted);
            Record();
            if (fault is null)
            {
                await WriteJsonAsync(context, WireWriter.Serialize(answer));
            }
            else
            {
                await ApplyFaultAsync(context, fault, envelope, operation, answer);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            Log.CallerWentAway(logger, operation, room, user, seq);
        }
        finally
        {
            Record();
        }
    }

    private void LogCall(SimOperation? operation, uint? room, string? user, uint? seq, long? code, FaultDecision decision)
    {
        if (decision.Kind is { } kind)
        {
            var timing = decision.Fault?.Timing ?? (decision.DelayAfter > TimeSpan.Zero ? FaultTiming.AfterProcessing : FaultTiming.BeforeProcessing);
            Log.FaultApplied(logger, operation, room, user, seq, kind, timing, code);
        }
        else
        {
            Log.CallAnswered(logger, operation, room, user, seq, code);
        }
    }

    private (JsonObject Answer, long Code) Process(IQueryCollection query, JsonObject? envelope, bool tooLarge, DateTimeOffset now)
    {
        var rawHead = JsonFields.Object(envelope, "reqhead");
        if (WireReader.CheckQuery(query) is { } queryError)
        {
            return (WireWriter.HeaderFailure(rawHead, ResultCodes.HeaderVerification, queryError), ResultCodes.HeaderVerification);
        }

        if (options.SecretKey is { } secretKey
            && UserSigCheck.Problem(query["usersig"].ToString(), query["identifier"].ToString(), secretKey, options.SdkAppId, now) is { } sigError)
        {
            return (WireWriter.HeaderFailure(rawHead, ResultCodes.HeaderVerification, "header verification failed: " + sigError), ResultCodes.HeaderVerification);
        }

        if (envelope is null)
        {
            var why = tooLarge ? $"the body exceeds {MaxBodyBytes} bytes" : "the body is not a JSON object";
            return (WireWriter.HeaderFailure(null, ResultCodes.HeaderUnpack, $"unpacking error: {why}"), ResultCodes.HeaderUnpack);
        }

        var reading = WireReader.ReadHead(envelope);
        if (reading.Head is not { } head)
        {
            return (WireWriter.HeaderFailure(rawHead, reading.ErrorCode, reading.Error!), reading.ErrorCode);
        }

        if (head.SubCmd is not (WireReader.SubCmdPush or WireReader.SubCmdRecording))
        {
            var message = $"packet error: reqhead.uint32_sub_cmd {head.SubCmd} is not served (0x5 recording, 0x6 push)";
            return (WireWriter.HeaderFailure(head.Raw, ResultCodes.HeaderPacket, message), ResultCodes.HeaderPacket);
        }

        var reqbody = JsonFields.Object(envelope, "reqbody");
        OperationOutcome outcome;
        if (!WireReader.QueryAppIdMatches(query, options.SdkAppId) || head.SdkAppId != options.SdkAppId)
        {
            outcome = OperationOutcome.Fail(ResultCodes.Permission, "sdkappid (query or reqhead.uint32_sdk_appid) is not this application's");
        }
        else
        {
            outcome = head.SubCmd == WireReader.SubCmdPush
                ? PushHandler.Handle(head, reqbody, state, options, now)
                : RecordingHandler.Handle(head, reqbody, state, options, now);
        }

        return (WireWriter.Answer(head.Raw, head.SubCmd, outcome, NextIsWrapped()), outcome.Code);
    }

    private async Task ApplyFaultAsync(HttpContext context, FaultSpec fault, JsonObject? envelope, SimOperation? operation, JsonObject? answer)
    {
        switch (fault.Kind)
        {
            case FaultKind.BodyCode or FaultKind.HeaderCode:
                var subCmd = operation is SimOperation.StartRecording or SimOperation.StopRecording ? WireReader.SubCmdRecording : WireReader.SubCmdPush;
                var failure = WireWriter.Answer(JsonFields.Object(envelope, "reqhead"), subCmd, new OperationOutcome(fault.Code), NextIsWrapped());
                await WriteJsonAsync(context, WireWriter.Serialize(failure));
                break;
            case FaultKind.HttpError:
                context.Response.StatusCode = fault.Status;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync($"simulated HTTP {fault.Status}", context.RequestAborted);
                break;
            case FaultKind.Drop:
                await DropAsync(context, answer);
                break;
            case FaultKind.Malformed:
                await WriteJsonAsync(context, answer is null ? HalfEnvelope : WireWriter.Truncate(WireWriter.Serialize(answer)));
                break;
            case FaultKind.WrongSequence:
                var corrupted = answer ?? WireWriter.HeaderFailure(JsonFields.Object(envelope, "reqhead"), ResultCodes.HeaderInternal, "internal service failed");
                WireWriter.CorruptSequence(corrupted);
                await WriteJsonAsync(context, WireWriter.Serialize(corrupted));
                break;
        }
    }

    private static async Task DropAsync(HttpContext context, JsonObject? answer)
    {
        // The status line and headers go out before the abort: a client may transparently resend a
        // request whose pooled connection died before any response byte, which would hide the drop.
        var length = answer is null ? 256 : WireWriter.Serialize(answer).Length;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = length;
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private static async Task WriteJsonAsync(HttpContext context, byte[] body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.TimeProvider, cancellationToken) : Task.CompletedTask;

    private bool NextIsWrapped() => options.ResponseShape switch
    {
        ResponseShape.Flat => false,
        ResponseShape.Alternating => Interlocked.Increment(ref answers) % 2 == 1,
        _ => true,
    };
}
