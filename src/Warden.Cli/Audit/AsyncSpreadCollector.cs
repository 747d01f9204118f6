using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Cli.Audit;

/// <summary>
/// Counts the async spread while the rules run, sharing their semantic models: methods, async methods,
/// and blocking waits on tasks in non-async code. It reports no diagnostics.
/// </summary>
#pragma warning disable RS1001 // not a compiler extension: audit instantiates it per run, so it carries no [DiagnosticAnalyzer]
internal sealed class AsyncSpreadCollector(IReadOnlySet<SyntaxTree> auditedTrees) : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    // The driver skips analyzers whose every rule is off, so the collector owns a hidden, never-reported id.
#pragma warning disable RS2008 // never shipped or reported: release tracking is for the rules in Warden.Analyzers
    private static readonly DiagnosticDescriptor Marker = new(
        "WDAUDIT", "Async spread", "Async spread", "Audit", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    private int _methods;
    private int _asyncMethods;
    private int _boundaries;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Marker];

    /// <summary>The figures counted so far.</summary>
    public AsyncSpread Spread => new(Volatile.Read(ref _methods), Volatile.Read(ref _asyncMethods), Volatile.Read(ref _boundaries));

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(CountMethod, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
        context.RegisterCompilationStartAction(start =>
        {
            var task = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            var taskOfT = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            var valueTask = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            var valueTaskOfT = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            var awaiters = new[]
            {
                start.Compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter"),
                start.Compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter`1"),
                start.Compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter"),
                start.Compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter`1"),
            };
            if (task is null)
            {
                return; // no framework: nothing to count reliably
            }

            bool IsTask(ITypeSymbol? type) =>
                type is not null && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, task)
                    || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, taskOfT)
                    || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, valueTask)
                    || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, valueTaskOfT));

            start.RegisterOperationAction(
                op =>
                {
                    var blocking = op.Operation switch
                    {
                        IInvocationOperation { TargetMethod.Name: "Wait" } call => IsTask(call.TargetMethod.ContainingType),
                        IInvocationOperation { TargetMethod.Name: "GetResult" } call =>
                            awaiters.Any(a => SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType.OriginalDefinition, a)),
                        IPropertyReferenceOperation { Property.Name: "Result" } property => IsTask(property.Property.ContainingType),
                        _ => false,
                    };
                    if (blocking && auditedTrees.Contains(op.Operation.Syntax.SyntaxTree) && !InAsyncCode(op.Operation.Syntax))
                    {
                        Interlocked.Increment(ref _boundaries);
                    }
                },
                OperationKind.Invocation,
                OperationKind.PropertyReference);
        });
    }

    private static bool InAsyncCode(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private void CountMethod(SyntaxNodeAnalysisContext context)
    {
        if (!auditedTrees.Contains(context.Node.SyntaxTree))
        {
            return;
        }

        var (modifiers, hasBody) = context.Node switch
        {
            MethodDeclarationSyntax method => (method.Modifiers, method.Body is not null || method.ExpressionBody is not null),
            LocalFunctionStatementSyntax local => (local.Modifiers, true),
            _ => (default, false),
        };
        if (!hasBody)
        {
            return;
        }

        Interlocked.Increment(ref _methods);
        if (modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            Interlocked.Increment(ref _asyncMethods);
        }
    }
}
