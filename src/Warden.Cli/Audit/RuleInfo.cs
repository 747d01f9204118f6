namespace Warden.Cli.Audit;

/// <summary>What a report says about a rule, read from its <c>DiagnosticDescriptor</c>.</summary>
/// <param name="Id">The rule id, e.g. <c>WD201</c>.</param>
/// <param name="Title">The descriptor's title.</param>
/// <param name="Fix">How to fix a finding: the "Fix" section of the rule's page, else the descriptor's description.</param>
/// <param name="HelpUri">The rule page (the descriptor's help link), or empty.</param>
/// <param name="Chapter">The playbook chapter from the id band (WD2xx is chapter 2); 0 when not banded.</param>
/// <param name="DefaultSeverity">The severity when <c>.editorconfig</c> says nothing.</param>
internal sealed record RuleInfo(string Id, string Title, string Fix, string HelpUri, int Chapter, FindingSeverity DefaultSeverity);
