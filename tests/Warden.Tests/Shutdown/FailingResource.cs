namespace Warden.Tests.Shutdown;

/// <summary>A resource whose close throws.</summary>
internal sealed class FailingResource : IAsyncDisposable
{
    public ValueTask DisposeAsync() => ValueTask.FromException(new InvalidOperationException("close failed"));
}
