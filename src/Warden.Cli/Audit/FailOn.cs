namespace Warden.Cli.Audit;

/// <summary>The lowest severity that makes <c>warden audit</c> exit with 1.</summary>
internal enum FailOn
{
    /// <summary>Never fail on findings.</summary>
    None,

    /// <summary>Fail on any finding.</summary>
    Info,

    /// <summary>Fail on warnings and errors (the default).</summary>
    Warning,

    /// <summary>Fail on errors only.</summary>
    Error,
}
