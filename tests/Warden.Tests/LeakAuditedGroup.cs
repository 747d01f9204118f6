namespace Warden.Tests;

/// <summary>
/// Tests of task groups, background tasks and shutdown, each audited for Warden work it leaves running: a group,
/// child, background task or shutdown work still registered when the test returns fails it, named with where it
/// started. The audit reads the process-wide work registry and switches tracking on for the process, so the
/// collection runs alone: a test running beside it could show up as its leak, and tracking must not reach the
/// tests of <see cref="Diagnostics.RegistryTestGroup"/>.
/// </summary>
[AuditLeaks]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeakAuditedGroup
{
    public const string Name = "Leak-audited Warden work (not parallel)";
}
