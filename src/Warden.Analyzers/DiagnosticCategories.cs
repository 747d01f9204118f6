namespace Warden.Analyzers;

/// <summary>The diagnostic categories, one per playbook chapter band of the rule IDs.</summary>
public static class DiagnosticCategories
{
    /// <summary>Chapter 2, WD2xx: blocking inside async code.</summary>
    public const string Blocking = "Warden.Blocking";

    /// <summary>Chapter 3, WD3xx: every task has an owner.</summary>
    public const string TaskOwnership = "Warden.TaskOwnership";

    /// <summary>Chapter 4, WD4xx: libraries that are async in name only.</summary>
    public const string Libraries = "Warden.Libraries";

    /// <summary>Chapter 5, WD5xx: exceptions and cancellation.</summary>
    public const string Cancellation = "Warden.Cancellation";

    /// <summary>Chapter 7, WD7xx: async tests.</summary>
    public const string Testing = "Warden.Testing";

    /// <summary>Chapter 8, WD8xx: graceful shutdown.</summary>
    public const string Shutdown = "Warden.Shutdown";
}
