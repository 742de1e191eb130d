namespace Broadcast.Durable.Tests;

/// <summary>An exception carrying an error code, like a vendor error.</summary>
public sealed class CodedException : Exception, IFailureCode
{
    public CodedException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = code;
    }

    public CodedException()
    {
    }

    public CodedException(string message)
        : base(message)
    {
    }

    public CodedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? ErrorCode { get; }
}
