namespace Broadcast.Durable;

/// <summary>An exception that carries a machine-readable code into <see cref="TaskFailureDetails.ErrorCode"/>.</summary>
public interface IFailureCode
{
    /// <summary>The code, e.g. a vendor error code.</summary>
    string? ErrorCode { get; }
}
