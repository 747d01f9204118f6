using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Cli.Audit;

/// <summary>
/// Every analyzer and suppressor that the Warden.Analyzers assembly exports, discovered by reflection
/// (nothing is hard-coded here), and the metadata of their rules, read from the descriptors.
/// </summary>
internal sealed partial class AnalyzerCatalog
{
    /// <summary>The simple name of the assembly the rules ship in.</summary>
    public const string AnalyzerAssemblyName = "Warden.Analyzers";

    private AnalyzerCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyDictionary<string, RuleInfo> rules)
    {
        Analyzers = analyzers;
        Rules = rules;
    }

    /// <summary>The analyzers and suppressors, one instance each.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>The rules they report, by id.</summary>
    public IReadOnlyDictionary<string, RuleInfo> Rules { get; }

    /// <summary>Loads the catalog from the Warden.Analyzers assembly next to warden.</summary>
    public static AnalyzerCatalog Load() => FromAssembly(Assembly.Load(new AssemblyName(AnalyzerAssemblyName)));

    /// <summary>Builds the catalog from the C# analyzers exported by <paramref name="assembly"/>.</summary>
    public static AnalyzerCatalog FromAssembly(Assembly assembly)
    {
        var analyzers = assembly.GetExportedTypes()
            .Concat(assembly.DefinedTypes.Where(t => t.IsNotPublic).Select(t => t.AsType()))
            .Distinct()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var rules = new SortedDictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            rules.TryAdd(descriptor.Id, Describe(descriptor));
        }

        return new AnalyzerCatalog(analyzers, rules);
    }

    /// <summary>The playbook chapter of a rule id by its band: WD2xx is chapter 2; 0 when the id is not banded.</summary>
    public static int ChapterOf(string ruleId)
    {
        var match = BandedId().Match(ruleId);
        return match.Success ? match.Groups[1].Value[0] - '0' : 0;
    }

    /// <summary>Maps a compiler severity to a finding severity; hidden diagnostics are not findings.</summary>
    public static FindingSeverity? SeverityOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => FindingSeverity.Error,
        DiagnosticSeverity.Warning => FindingSeverity.Warning,
        DiagnosticSeverity.Info => FindingSeverity.Info,
        _ => null,
    };

    private static RuleInfo Describe(DiagnosticDescriptor descriptor) => new(
        descriptor.Id,
        descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RulePages.FixFor(descriptor.Id) ?? descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture),
        descriptor.HelpLinkUri ?? string.Empty,
        ChapterOf(descriptor.Id),
        SeverityOf(descriptor.DefaultSeverity) ?? FindingSeverity.Info);

    [GeneratedRegex(@"^WD(\d)\d\d$")]
    private static partial Regex BandedId();
}
