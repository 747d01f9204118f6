using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting.Systemd;

namespace Warden.Hosting.Tests;

/// <summary>What systemd's notification socket would receive, recorded instead of sent.</summary>
internal sealed class RecordingSystemdNotifier(ConcurrentQueue<string> events) : ISystemdNotifier
{
    public bool IsEnabled => true;

    public void Notify(ServiceState state) => events.Enqueue($"systemd {state}");
}
