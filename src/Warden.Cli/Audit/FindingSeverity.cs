namespace Warden.Cli.Audit;

/// <summary>The severity of a finding after <c>.editorconfig</c> is applied, highest last.</summary>
internal enum FindingSeverity
{
    /// <summary>A suggestion; shown, fails the run only with <c>--fail-on info</c>.</summary>
    Info = 1,

    /// <summary>A warning; fails the run by default.</summary>
    Warning = 2,

    /// <summary>An error.</summary>
    Error = 3,
}
