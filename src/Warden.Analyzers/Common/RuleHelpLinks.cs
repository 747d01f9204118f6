namespace Warden.Analyzers.Common;

/// <summary>Builds the documentation address of a rule (docs/rules/WDnnn.md in the repository).</summary>
internal static class RuleHelpLinks
{
    /// <summary>The repository that hosts the rule pages (PackageProjectUrl in Directory.Build.props).</summary>
    public const string RepositoryUrl = "https://github.com/warden-dotnet/warden";

    /// <summary>The help page of <paramref name="ruleId"/>.</summary>
    public static string For(string ruleId) => RepositoryUrl + "/blob/main/docs/rules/" + ruleId + ".md";
}
