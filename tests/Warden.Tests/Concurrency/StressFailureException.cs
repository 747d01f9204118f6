namespace Warden.Tests.Concurrency;

/// <summary>A planned stress failure; its id is counted when thrown and when it surfaces.</summary>
public sealed class StressFailureException : Exception
{
    public StressFailureException()
    {
    }

    public StressFailureException(string message)
        : base(message)
    {
    }

    public StressFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StressFailureException(int id)
        : base($"stress failure {id}") => Id = id;

    public int Id { get; }
}
