namespace Broadcast.Durable;

/// <summary>Why an activity or orchestration failed, as data that survives serialisation and replay.</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception's message.</param>
/// <param name="ErrorCode">A code carried by the failure (see <see cref="IFailureCode"/>), or null.</param>
/// <param name="StackTrace">The stack trace, or null.</param>
/// <param name="InnerFailure">The inner exception's details, or null.</param>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? ErrorCode = null,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Builds details from an exception, its inner exceptions included.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            (exception as IFailureCode)?.ErrorCode,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True when the failure was caused by an exception of type <typeparamref name="T"/> or a subtype.</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        for (var type = Type.GetType(ErrorType, throwOnError: false); type is not null; type = type.BaseType)
        {
            if (type == typeof(T))
            {
                return true;
            }
        }

        return string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => ErrorCode is null
        ? $"{ErrorType}: {ErrorMessage}"
        : $"{ErrorType} ({ErrorCode}): {ErrorMessage}";
}
