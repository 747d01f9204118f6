namespace Warden.Tests.Concurrency;

/// <summary>A failure thrown on purpose by a test, told apart by its id.</summary>
public sealed class TestFailureException : Exception
{
    public TestFailureException()
    {
    }

    public TestFailureException(string message)
        : base(message)
    {
    }

    public TestFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TestFailureException(int id)
        : base($"failure {id}") => Id = id;

    public int Id { get; }
}
