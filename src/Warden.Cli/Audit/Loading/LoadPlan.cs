namespace Warden.Cli.Audit.Loading;

/// <summary>Every project the no-build loader compiles, and the .editorconfig files found on the way.</summary>
/// <param name="Projects">Projects, audited and referenced.</param>
/// <param name="EditorConfigFiles">.editorconfig files inside the walked folders.</param>
internal sealed record LoadPlan(IReadOnlyList<ProjectPlan> Projects, IReadOnlyList<string> EditorConfigFiles);
