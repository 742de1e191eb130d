namespace Broadcast.Ilvb;

/// <summary>Where a failure came from.</summary>
public enum IlvbFailureKind
{
    /// <summary>A business code in <c>rspbody.uint32_result</c>.</summary>
    VendorCode,

    /// <summary>A non-zero header <c>uint32_result</c> (-1 to -5).</summary>
    HeaderResult,

    /// <summary>No response within the timeout: the request may have reached the vendor.</summary>
    Timeout,

    /// <summary>The connection could not be made: the request did not reach the vendor.</summary>
    ConnectionRefused,

    /// <summary>The connection broke after the request was sent: it may have reached the vendor.</summary>
    ConnectionLost,

    /// <summary>An HTTP status other than 2xx.</summary>
    HttpStatus,

    /// <summary>An empty, truncated or non-JSON body, or one missing its header.</summary>
    MalformedResponse,

    /// <summary>The response's <c>uint32_seq</c> or <c>bytes_cookie_buff</c> is not the request's.</summary>
    SequenceMismatch,
}
