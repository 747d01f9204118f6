namespace Warden.Cli.Audit;

/// <summary>What kind of path the user asked to audit.</summary>
internal enum AuditTargetKind
{
    /// <summary>A folder: every project and loose C# file under it.</summary>
    Folder,

    /// <summary>A .csproj: that project's files.</summary>
    Project,

    /// <summary>A .sln or .slnx: the projects it lists.</summary>
    Solution,

    /// <summary>One .cs file (compiled with its project when it has one, so types resolve).</summary>
    File,
}
