namespace Warden.Tests.Blocking;

/// <summary>
/// Tests that count process-wide TPL events run alone: tasks from tests running in parallel raise the same
/// events and would change the counts under them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideEventsGroup
{
    public const string Name = "Process-wide TPL events (not parallel)";
}
