namespace Warden.Cli.Tests.Audit;

/// <summary>A thread-safe string writer that completes <see cref="FirstWrite"/> when something is written.</summary>
internal sealed class SignallingWriter : StringWriter
{
    private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    /// <summary>Completes on the first write.</summary>
    public Task FirstWrite => _firstWrite.Task;

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }

        _firstWrite.TrySetResult();
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }

        _firstWrite.TrySetResult();
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
