using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Cancellation;

/// <summary>
/// WD502: a cancellation token parameter is in scope, and a call gets <c>CancellationToken.None</c>,
/// <c>default</c>, or nothing at all for its token (an omitted optional parameter, or an overload that takes
/// one more CancellationToken). Calls in catch and finally blocks are left alone: cleanup after cancellation
/// deliberately runs without the cancelled token. A call that gets any other token (a linked one) is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenNotForwardedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.TokenNotForwarded,
        title: "Token not forwarded",
        messageFormat: "'{0}' is called {1} although '{2}' is in scope; pass '{2}' so the call stops when the caller does",
        DiagnosticCategories.Cancellation,
        DiagnosticSeverity.Info,
        description: "A call that does not get the caller's token keeps running after the caller gave up, holding connections and threads.");

    /// <summary>Diagnostic property: the name of the token to pass.</summary>
    public const string TokenProperty = "Token";

    /// <summary>Diagnostic property: how the token is missing (<see cref="ExplicitNone"/>, <see cref="OmittedOptional"/>, <see cref="OverloadAvailable"/>).</summary>
    public const string KindProperty = "Kind";

    /// <summary>The call passes CancellationToken.None or default; the fix replaces that argument.</summary>
    public const string ExplicitNone = "ExplicitNone";

    /// <summary>The call omits an optional token parameter; the fix adds a named argument.</summary>
    public const string OmittedOptional = "OmittedOptional";

    /// <summary>An overload takes the same arguments plus a token; the fix appends it.</summary>
    public const string OverloadAvailable = "OverloadAvailable";

    /// <summary>Diagnostic property: the name of the omitted parameter.</summary>
    public const string ParameterProperty = "Parameter";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is not { } token)
            {
                return;
            }

            start.RegisterOperationAction(operation => AnalyzeInvocation(operation, token), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol tokenType)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is "ContinueWith" or "Run" or "StartNew" && method.ContainingType.Name is "Task" or "TaskFactory")
        {
            // These tokens only stop the work from being scheduled; the work itself must watch its own token.
            return;
        }

        IArgumentOperation? missing = null;
        var takesToken = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !SymbolEqualityComparer.Default.Equals(parameter.Type, tokenType))
            {
                continue;
            }

            takesToken = true;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || CancellationScope.IsNoToken(argument.Value, tokenType))
            {
                missing = argument;
            }
        }

        if (takesToken && missing is null)
        {
            return;
        }

        if (!takesToken && (method.Parameters.Length == 0 && !method.Name.EndsWith("Async", System.StringComparison.Ordinal)))
        {
            // Cheap exit: a parameterless call without an Async name is almost never worth an overload lookup.
            return;
        }

        if (CancellationScope.TokenInScope(invocation, context.ContainingSymbol, tokenType) is not { } token
            || CancellationScope.InCleanupBlock(invocation))
        {
            return;
        }

        if (missing is not null)
        {
            var omitted = missing.ArgumentKind == ArgumentKind.DefaultValue;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(TokenProperty, token.Name)
                .Add(KindProperty, omitted ? OmittedOptional : ExplicitNone)
                .Add(ParameterProperty, missing.Parameter!.Name);
            var location = omitted ? invocation.Syntax.GetLocation() : missing.Value.Syntax.GetLocation();
            var how = omitted ? "without a token" : $"with '{missing.Value.Syntax}'";
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, method.Name, how, token.Name));
            return;
        }

        if (HasOverloadWithToken(method, tokenType))
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(TokenProperty, token.Name)
                .Add(KindProperty, OverloadAvailable);
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), properties, method.Name, "without a token", token.Name));
        }
    }

    // An overload with the same parameters plus a trailing CancellationToken (what CA2016 also looks for).
    private static bool HasOverloadWithToken(IMethodSymbol method, INamedTypeSymbol tokenType)
    {
        var original = method.ReducedFrom ?? method;
        foreach (var member in original.ContainingType.GetMembers(original.Name))
        {
            if (member is not IMethodSymbol candidate || candidate.Parameters.Length != original.Parameters.Length + 1
                || candidate.IsStatic != original.IsStatic || candidate.TypeParameters.Length != original.TypeParameters.Length
                || candidate.DeclaredAccessibility != Accessibility.Public
                || !SymbolEqualityComparer.Default.Equals(candidate.Parameters[candidate.Parameters.Length - 1].Type, tokenType)
                || candidate.GetAttributes().Length > 0 && IsObsolete(candidate))
            {
                continue;
            }

            var same = true;
            for (var i = 0; i < original.Parameters.Length && same; i++)
            {
                same = candidate.Parameters[i].Type.Name == original.Parameters[i].Type.Name
                    && candidate.Parameters[i].RefKind == original.Parameters[i].RefKind;
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsObsolete(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "ObsoleteAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
