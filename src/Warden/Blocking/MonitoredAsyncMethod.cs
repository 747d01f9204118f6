using System.Diagnostics;

namespace Warden.Blocking;

/// <summary>An async method that suspended inside a monitored flow: who times it, its name, and where it started.</summary>
internal sealed record MonitoredAsyncMethod(int BoxId, BlockingMonitor Monitor, string Name, StackTrace StartStack);
