namespace Broadcast.Durable.Storage;

/// <summary>
/// Thrown by a write command before it wrote anything, to refuse itself without spoiling the rest of
/// the batch; the caller receives <see cref="Exception.InnerException"/>.
/// </summary>
internal sealed class WriteRejectedException : Exception
{
    public WriteRejectedException(Exception reason)
        : base(reason?.Message, reason)
    {
    }

    public WriteRejectedException()
    {
    }

    public WriteRejectedException(string message)
        : base(message)
    {
    }

    public WriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
