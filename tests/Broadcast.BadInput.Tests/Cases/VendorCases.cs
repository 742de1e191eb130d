using Broadcast.Ilvb;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;

namespace Broadcast.BadInput.Tests;

/// <summary>Vendor answers that are empty, truncated, not JSON, of the wrong shape, with a wrong uint32_seq, or HTTP errors.</summary>
public static class VendorCases
{
    /// <summary>More than the host's start attempts (3 in these tests): every attempt meets the fault.</summary>
    private const int Always = 10;

    public static IReadOnlyList<VendorCase> List { get; } = [.. All()];

    public static IReadOnlyDictionary<string, VendorCase> ByName { get; } = List.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names() => [.. ByName.Keys];

    private static IEnumerable<VendorCase> All()
    {
        const SimOperation StartPush = SimOperation.StartPush;
        const SimOperation StopPush = SimOperation.StopPush;
        const SimOperation StartRecording = SimOperation.StartRecording;
        const SimOperation StopRecording = SimOperation.StopRecording;
        const VendorExpectation Fails = VendorExpectation.SessionFails;
        const VendorExpectation Recovers = VendorExpectation.SessionRecovers;
        const IlvbFailureKind Malformed = IlvbFailureKind.MalformedResponse;
        const IlvbFailureKind WrongSeq = IlvbFailureKind.SequenceMismatch;
        const IlvbFailureKind Http = IlvbFailureKind.HttpStatus;
        const IlvbFailureKind Lost = IlvbFailureKind.ConnectionLost;

        yield return new("start push: empty body", StartPush, (_, p) => p.MangleNext(StartPush, Mangle.EmptyBody, Always), Fails, Malformed, "empty");
        yield return new("start push: truncated JSON", StartPush, (_, p) => p.MangleNext(StartPush, Mangle.TruncatedJson, Always), Fails, Malformed, "truncated");
        yield return new("start push: HTML instead of JSON", StartPush, (_, p) => p.MangleNext(StartPush, Mangle.NotJson, Always), Fails, Malformed, "JSON");
        yield return new("start push: success with a channel id that is no number", StartPush,
            (_, p) => p.MangleNext(StartPush, Mangle.GarbledChannelId, 1), VendorExpectation.SessionUnharmed, null, null);
        yield return new("start push: success with uint32_result 0.5", StartPush,
            (_, p) => p.MangleNext(StartPush, Mangle.FractionalResult, Always), Fails, Malformed, "rsp_0x6");
        yield return new("start push: JSON without the envelope", StartPush, (_, p) => p.MangleNext(StartPush, Mangle.WrongShape, Always), Fails, Malformed, "reqhead");
        yield return new("start push: malformed after the vendor acted", StartPush,
            (s, _) => s.Faults.MalformedNext(StartPush, Always, FaultTiming.AfterProcessing), Fails, Malformed, "response");
        yield return new("start push: wrong uint32_seq", StartPush, (s, _) => s.Faults.WrongSequenceNext(StartPush, Always), Fails, WrongSeq, "uint32_seq");
        yield return new("start push: HTTP 500", StartPush, (s, _) => s.Faults.HttpErrorNext(StartPush, 500, Always), Fails, Http, "HTTP 500");
        yield return new("start push: HTTP 404 from a gateway", StartPush, (s, _) => s.Faults.HttpErrorNext(StartPush, 404, Always), Fails, Http, "HTTP 404");
        yield return new("start push: HTTP 503 after the vendor acted", StartPush,
            (s, _) => s.Faults.HttpErrorNext(StartPush, 503, Always, FaultTiming.AfterProcessing), Fails, Http, "HTTP 503");
        yield return new("start push: connection dropped after the vendor acted", StartPush,
            (s, _) => s.Faults.DropNext(StartPush, Always, FaultTiming.AfterProcessing), Fails, Lost, "connection");
        yield return new("start push: header result -3", StartPush, (s, _) => s.Faults.FailNext(StartPush, -3, Always), Fails, IlvbFailureKind.HeaderResult, null);
        yield return new("start push with tape: HTML instead of JSON", StartPush, (_, p) => p.MangleNext(StartPush, Mangle.NotJson, Always), Fails, Malformed, "JSON")
        {
            Recording = RecordingMode.Tape,
        };

        yield return Separate(new("start recording: empty body", StartRecording, (_, p) => p.MangleNext(StartRecording, Mangle.EmptyBody, Always), Fails, Malformed, "empty"));
        yield return Separate(new("start recording: wrong uint32_seq", StartRecording, (s, _) => s.Faults.WrongSequenceNext(StartRecording, Always), Fails, WrongSeq, "uint32_seq"));
        yield return Separate(new("start recording: HTTP 500", StartRecording, (s, _) => s.Faults.HttpErrorNext(StartRecording, 500, Always), Fails, Http, "HTTP 500"));
        yield return Separate(new("start recording: dropped after the vendor acted", StartRecording,
            (s, _) => s.Faults.DropNext(StartRecording, Always, FaultTiming.AfterProcessing), Fails, Lost, "connection"));
        yield return Separate(new("start recording, not required: truncated JSON", StartRecording,
            (_, p) => p.MangleNext(StartRecording, Mangle.TruncatedJson, Always), VendorExpectation.RecordingDegraded, Malformed, "truncated")) with
        {
            RecordingRequired = false,
        };

        yield return new("start push: HTTP 502 twice, then fine", StartPush, (s, _) => s.Faults.HttpErrorNext(StartPush, 502, 2), Recovers, Http, "HTTP 502");
        yield return Separate(new("start recording: empty body once, then fine", StartRecording,
            (_, p) => p.MangleNext(StartRecording, Mangle.EmptyBody, 1), Recovers, Malformed, "empty"));
        yield return new("stop push: empty body twice", StopPush, (_, p) => p.MangleNext(StopPush, Mangle.EmptyBody, 2), Recovers, Malformed, "empty");
        yield return new("stop push: wrong uint32_seq twice", StopPush, (s, _) => s.Faults.WrongSequenceNext(StopPush, 2), Recovers, WrongSeq, "uint32_seq");
        yield return new("stop push: HTTP 500 twice", StopPush, (s, _) => s.Faults.HttpErrorNext(StopPush, 500, 2), Recovers, Http, "HTTP 500");
        yield return new("stop push: dropped after the vendor acted", StopPush,
            (s, _) => s.Faults.DropNext(StopPush, 1, FaultTiming.AfterProcessing), Recovers, Lost, "connection");
        yield return new("stop push: truncated JSON twice", StopPush, (_, p) => p.MangleNext(StopPush, Mangle.TruncatedJson, 2), Recovers, Malformed, "truncated");
        yield return new("stop push: HTML twice", StopPush, (_, p) => p.MangleNext(StopPush, Mangle.NotJson, 2), Recovers, Malformed, "JSON");
        yield return new("stop push: JSON without the envelope twice", StopPush, (_, p) => p.MangleNext(StopPush, Mangle.WrongShape, 2), Recovers, Malformed, "reqhead");
        yield return new("stop push: HTTP 503 after the vendor acted", StopPush,
            (s, _) => s.Faults.HttpErrorNext(StopPush, 503, 1, FaultTiming.AfterProcessing), Recovers, Http, "HTTP 503");
        yield return new("stop push: uint32_result true twice", StopPush, (_, p) => p.MangleNext(StopPush, Mangle.BooleanResult, 2), Recovers, Malformed, "rsp_0x6");
        yield return Separate(new("stop recording: uint32_result 0.5 twice", StopRecording,
            (_, p) => p.MangleNext(StopRecording, Mangle.FractionalResult, 2), Recovers, Malformed, "rsp_0x5"));
        yield return Separate(new("stop recording: empty body twice", StopRecording, (_, p) => p.MangleNext(StopRecording, Mangle.EmptyBody, 2), Recovers, Malformed, "empty"));
        yield return Separate(new("stop recording: wrong uint32_seq twice", StopRecording, (s, _) => s.Faults.WrongSequenceNext(StopRecording, 2), Recovers, WrongSeq, "uint32_seq"));
        yield return Separate(new("stop recording: HTTP 500 twice", StopRecording, (s, _) => s.Faults.HttpErrorNext(StopRecording, 500, 2), Recovers, Http, "HTTP 500"));
        yield return Separate(new("stop recording: dropped after the vendor acted", StopRecording,
            (s, _) => s.Faults.DropNext(StopRecording, 1, FaultTiming.AfterProcessing), Recovers, Lost, "connection"));
        yield return Separate(new("stop recording: HTML twice", StopRecording, (_, p) => p.MangleNext(StopRecording, Mangle.NotJson, 2), Recovers, Malformed, "JSON"));
        yield return Separate(new("stop recording: truncated after the vendor acted", StopRecording,
            (s, _) => s.Faults.MalformedNext(StopRecording, 1, FaultTiming.AfterProcessing), Recovers, Malformed, "response"));
    }

    private static VendorCase Separate(VendorCase badCase) => badCase with { Recording = RecordingMode.Separate };
}
