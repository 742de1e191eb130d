namespace Broadcast.Ilvb.Simulator;

/// <summary>The outcome of reading <c>reqhead</c>: the head, or a header error (code and message).</summary>
internal sealed record HeadReading(RequestHead? Head, long ErrorCode, string? Error)
{
    public static HeadReading Ok(RequestHead head) => new(head, ResultCodes.Success, null);

    public static HeadReading Fail(long code, string error) => new(null, code, error);
}
