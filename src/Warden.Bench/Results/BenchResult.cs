namespace Warden.Bench.Results;

/// <summary>One run of <c>warden bench</c>: the document written by <c>--out</c> and read by <c>compare</c> and <c>report</c>.</summary>
public sealed record BenchResult
{
    /// <summary>The schema identifier this library writes.</summary>
    public const string CurrentSchema = "warden-bench/1";

    /// <summary>The schema identifier; readers refuse files with another.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>The version of Warden.Bench that wrote the file.</summary>
    public string ToolVersion { get; init; } = string.Empty;

    /// <summary>The machine.</summary>
    public MachineInfo Machine { get; init; } = new();

    /// <summary>The command line that produced the result, when run from the CLI.</summary>
    public string? CommandLine { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The load model.</summary>
    public LoadModelKind Model { get; init; }

    /// <summary>The settings.</summary>
    public RunSettings Settings { get; init; } = new();

    /// <summary>The targets, A first.</summary>
    public IReadOnlyList<TargetInfo> Targets { get; init; } = [];

    /// <summary>The levels, in run order.</summary>
    public IReadOnlyList<LevelResult> Levels { get; init; } = [];

    /// <summary>Ramp only: the knee per target.</summary>
    public IReadOnlyList<KneeResult> Knees { get; init; } = [];
}
