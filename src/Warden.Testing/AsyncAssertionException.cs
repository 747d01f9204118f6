namespace Warden.Testing;

/// <summary>Thrown when a Warden.Testing check fails; the message says what was expected, what was seen, and for how long.</summary>
public class AsyncAssertionException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public AsyncAssertionException()
        : base("An async assertion failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public AsyncAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last failure observed.</param>
    public AsyncAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
