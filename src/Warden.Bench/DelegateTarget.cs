namespace Warden.Bench;

/// <summary>A target that calls a delegate in this process; any exception it throws is a failure of that type.</summary>
/// <param name="name">The name shown in tables.</param>
/// <param name="operation">The operation to measure; it should honour the token.</param>
public sealed class DelegateTarget(string name, Func<CancellationToken, ValueTask> operation) : IBenchTarget
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string Description => $"in-process delegate '{Name}'";

    /// <inheritdoc />
    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        await operation(cancellationToken).ConfigureAwait(false);
        return RequestOutcome.Success;
    }
}
