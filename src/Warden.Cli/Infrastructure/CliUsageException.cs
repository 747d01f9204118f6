namespace Warden.Cli.Infrastructure;

/// <summary>
/// Bad input from the user. The boundary prints the message as one line on stderr and exits with
/// <see cref="ExitCodes.BadInput"/>, so the message must say what is wrong and what to do instead.
/// </summary>
internal sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and how to fix it.</summary>
    public CliUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the overloads that say what to do.</summary>
    public CliUsageException()
        : base("Invalid input.")
    {
    }
}
