namespace Warden.Cli.Audit;

/// <summary>How sources are turned into compilations.</summary>
internal enum AuditMode
{
    /// <summary>No build: parse files, compile against the SDK's reference assemblies and restored packages.</summary>
    NoBuild,

    /// <summary>Load real projects through MSBuildWorkspace (needs a restore; slower, full fidelity).</summary>
    MSBuild,
}
