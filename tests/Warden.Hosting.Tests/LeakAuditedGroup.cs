namespace Warden.Hosting.Tests;

/// <summary>
/// The in-process host and web tests, each audited for Warden work it leaves running (the coordinator's tracked
/// requests and drains, background tasks): still registered when the test returns fails it. The audit reads the
/// process-wide work registry, so the collection runs alone. The signal tests need no audit here: their Warden
/// work runs in the child process.
/// </summary>
[AuditLeaks]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeakAuditedGroup
{
    public const string Name = "Leak-audited Warden work (not parallel)";
}
