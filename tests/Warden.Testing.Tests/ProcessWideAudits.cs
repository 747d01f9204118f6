namespace Warden.Testing.Tests;

/// <summary>Tests that audit process-wide Warden work run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideAudits
{
    public const string Name = "Leak audit (process-wide)";
}
