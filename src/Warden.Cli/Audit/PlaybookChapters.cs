namespace Warden.Cli.Audit;

/// <summary>The playbook's eight practices, by chapter number, as reports title them.</summary>
internal static class PlaybookChapters
{
    private static readonly string[] Titles =
    [
        "Other rules",
        "Decide with proof whether async is the right tool",
        "Keep the loop non-blocking",
        "Structured concurrency",
        "Depend on truly awaitable libraries",
        "Handle exceptions and cancellation explicitly",
        "Profile, benchmark, tune",
        "Deterministic async tests",
        "Graceful shutdown",
    ];

    /// <summary>The title of <paramref name="chapter"/>; "Other rules" for 0 or an unknown chapter.</summary>
    public static string Title(int chapter) => chapter > 0 && chapter < Titles.Length ? Titles[chapter] : Titles[0];

    /// <summary>"Chapter 2: Keep the loop non-blocking", or "Other rules".</summary>
    public static string Heading(int chapter) => chapter > 0 && chapter < Titles.Length ? $"Chapter {chapter}: {Titles[chapter]}" : Titles[0];
}
