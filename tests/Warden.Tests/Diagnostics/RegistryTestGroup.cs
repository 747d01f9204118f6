namespace Warden.Tests.Diagnostics;

/// <summary>
/// Tests that read process-wide registry counters or switch tracking on run alone, so other tests do not move
/// the counters under them and tracking never leaks into their allocation measurements.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RegistryTestGroup
{
    public const string Name = "Work registry (not parallel)";
}
