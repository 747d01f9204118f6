using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.TaskOwnership;

/// <summary>
/// WD302: <c>async void</c> methods, local functions and lambdas. Nobody can await them and their exceptions
/// crash the process. Event handlers (<c>(object sender, EventArgs e)</c>) are allowed by default because the
/// event's signature leaves no choice; overrides and interface implementations too, for the same reason.
/// Test methods are WD702's business.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.AsyncVoid,
        title: "async void",
        messageFormat: "'{0}' is async void: nobody can await it and an exception in it crashes the process; return a Task",
        DiagnosticCategories.TaskOwnership,
        DiagnosticSeverity.Warning,
        description: "An async void method cannot be awaited, and an exception it throws is raised on the synchronization context, which usually ends the process.");

    /// <summary>The .editorconfig key that, set to false, flags async void event handlers too.</summary>
    public const string AllowEventHandlersOption = "warden.WD302.allow_event_handlers";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var eventArgs = start.Compilation.GetTypeByMetadataName("System.EventArgs");
            var tests = TestFrameworks.Create(start.Compilation);
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, eventArgs, tests), SymbolKind.Method);
            start.RegisterOperationAction(operation => AnalyzeFunction(operation, eventArgs), OperationKind.AnonymousFunction, OperationKind.LocalFunction);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol? eventArgs, TestFrameworks tests)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsAsync || !method.ReturnsVoid || method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0
            || ImplementsInterfaceMember(method) || tests.IsTestMethod(method)
            || (IsEventHandlerShape(method, eventArgs) && AllowsEventHandlers(context.Options, method.Locations[0].SourceTree)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, method.Locations[0], method.Name));
    }

    private static void AnalyzeFunction(OperationAnalysisContext context, INamedTypeSymbol? eventArgs)
    {
        var method = context.Operation switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            ILocalFunctionOperation local => local.Symbol,
            _ => null,
        };

        if (method is null || !method.IsAsync || !method.ReturnsVoid
            || (IsEventHandlerShape(method, eventArgs) && AllowsEventHandlers(context.Options, context.Operation.Syntax.SyntaxTree)))
        {
            return;
        }

        var location = context.Operation.Syntax switch
        {
            LocalFunctionStatementSyntax syntax => syntax.Identifier.GetLocation(),
            var syntax => AsyncKeywordLocation(syntax),
        };
        if (location is not null)
        {
            var name = context.Operation is ILocalFunctionOperation ? method.Name : "async lambda";
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, name));
        }
    }

    private static Location? AsyncKeywordLocation(SyntaxNode syntax) => syntax switch
    {
        AnonymousFunctionExpressionSyntax function when function.AsyncKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsyncKeyword) => function.AsyncKeyword.GetLocation(),
        _ => null,
    };

    private static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsEventHandlerShape(IMethodSymbol method, INamedTypeSymbol? eventArgs)
    {
        if (method.Parameters.Length != 2 || method.Parameters[0].Type.SpecialType != SpecialType.System_Object)
        {
            return false;
        }

        for (var type = method.Parameters[1].Type; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, eventArgs) || type.Name.EndsWith("EventArgs", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllowsEventHandlers(AnalyzerOptions options, SyntaxTree? tree) =>
        tree is null
        || !options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(AllowEventHandlersOption, out var value)
        || !string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase);
}
