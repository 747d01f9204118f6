using System.Runtime.InteropServices;

namespace Warden.Bench.Results;

/// <summary>The machine a result was measured on.</summary>
public sealed record MachineInfo
{
    /// <summary>Logical cores.</summary>
    public int Cores { get; init; }

    /// <summary>Operating system description.</summary>
    public string Os { get; init; } = string.Empty;

    /// <summary>.NET runtime description.</summary>
    public string Runtime { get; init; } = string.Empty;

    /// <summary>Process architecture.</summary>
    public string Architecture { get; init; } = string.Empty;

    /// <summary>This machine.</summary>
    public static MachineInfo Current() => new()
    {
        Cores = Environment.ProcessorCount,
        Os = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
    };
}
