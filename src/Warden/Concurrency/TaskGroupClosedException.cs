namespace Warden;

/// <summary>
/// Thrown by <c>Spawn</c> when the group no longer admits children: it is cancelling (after a failure, a timeout,
/// an outer cancellation or <see cref="ITaskGroup.Cancel"/>) or it has finished. The delegate was not invoked.
/// </summary>
/// <remarks>
/// When this escapes the body or a child of the group that threw it while that group is cancelling, the group
/// treats it like a benign cancellation, so a spawn loop cut short by cancellation adds no error of its own.
/// </remarks>
public sealed class TaskGroupClosedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public TaskGroupClosedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public TaskGroupClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public TaskGroupClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TaskGroupClosedException(string message, object group, bool groupWasCancelling)
        : base(message)
    {
        Group = group;
        GroupWasCancelling = groupWasCancelling;
    }

    internal object? Group { get; }

    internal bool GroupWasCancelling { get; }
}
