using Warden.Diagnostics;

namespace Warden;

/// <summary>One piece of in-flight work returned by <see cref="ShutdownCoordinator.TrackWork"/>; disposing it ends it.</summary>
internal sealed class ShutdownWork : IDisposable
{
    private readonly ShutdownCoordinator _owner;
    private TrackedWorkHandle _handle;
    private int _ended;

    public ShutdownWork(ShutdownCoordinator owner, string name, TrackedWorkHandle handle)
    {
        _owner = owner;
        Name = name;
        _handle = handle;
    }

    public string Name { get; }

    public void Dispose()
    {
        // Disposed once in a using block as a rule, but a double dispose must not end the work twice.
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            return;
        }

        _handle.Dispose();
        _handle = default;
        _owner.EndWork(this);
    }
}
