using Warden.Diagnostics;

namespace Warden.Testing;

/// <summary>What a <see cref="LeakAudit"/> checks.</summary>
public sealed class LeakAuditOptions
{
    /// <summary>The default options: Warden-tracked work only, 1 s to settle.</summary>
    public static LeakAuditOptions Default { get; } = new();

    /// <summary>
    /// Also audit plain tasks and async methods started in the audited flow (TPL events; opt-in because any TPL listener
    /// makes every await in the process slower while the audit is open). Default <see langword="false"/>.
    /// </summary>
    public bool IncludePlainTasks { get; init; }

    /// <summary>How long work may take to finish after the test before it counts as leaked (polled, not slept). Default 1 s.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tracked work to ignore (e.g. a host-wide BackgroundTasks the test does not own); <see langword="null"/> for none.</summary>
    public Func<TrackedWork, bool>? Ignore { get; init; }
}
