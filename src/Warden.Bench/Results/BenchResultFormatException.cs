namespace Warden.Bench.Results;

/// <summary>A result file that cannot be read: not JSON, another schema, or missing data.</summary>
public sealed class BenchResultFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BenchResultFormatException()
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public BenchResultFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public BenchResultFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
