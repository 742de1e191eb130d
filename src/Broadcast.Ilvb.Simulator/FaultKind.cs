namespace Broadcast.Ilvb.Simulator;

/// <summary>The kind of fault the simulator applied to a call (see <see cref="CallRecord.Fault"/>).</summary>
public enum FaultKind
{
    /// <summary>A body-level <c>uint32_result</c> code in <c>rspbody</c>.</summary>
    BodyCode,

    /// <summary>A header-level (negative) <c>uint32_result</c> in <c>reqhead</c>.</summary>
    HeaderCode,

    /// <summary>An HTTP error status without a protocol body.</summary>
    HttpError,

    /// <summary>The connection was aborted before the body was complete.</summary>
    Drop,

    /// <summary>The call was held for a while (the answer itself was normal).</summary>
    Delay,

    /// <summary>The body was not valid JSON.</summary>
    Malformed,

    /// <summary>The echoed <c>uint32_seq</c> differed from the request's.</summary>
    WrongSequence,
}
