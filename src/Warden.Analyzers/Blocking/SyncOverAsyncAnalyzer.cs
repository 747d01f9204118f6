using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Blocking;

/// <summary>
/// WD205: a non-async method, lambda or local function that blocks (<c>.Result</c>, <c>.Wait()</c>,
/// <c>GetAwaiter().GetResult()</c>) on a task it just started, by a call in the same expression or in the
/// initializer of the local it waits on. <c>Main</c> of a console app and completed tasks are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SyncOverAsyncAnalyzer : WardenAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.SyncOverAsync,
        title: "Sync-over-async",
        messageFormat: "'{0}' blocks this synchronous {1} on the async call it just started; make the caller async",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        description: "Starting async work and blocking on it holds one thread while the work needs another: under load the pool starves, and under a single-threaded synchronization context it deadlocks. Make the caller async all the way up.");

    /// <summary>Creates the analyzer.</summary>
    public SyncOverAsyncAnalyzer()
        : base(Rule)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var types = WellKnownTypes.Create(start.Compilation);
        if (types.Task is null)
        {
            return;
        }

        start.RegisterOperationAction(
            operationContext => Analyze(operationContext, types),
            OperationKind.Invocation,
            OperationKind.PropertyReference);
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types)
    {
        var kind = BlockingWait.Classify(context.Operation, types, out var task);
        if (task is null || kind is not (BlockingWaitKind.Result or BlockingWaitKind.Wait or BlockingWaitKind.GetResult))
        {
            return;
        }

        var function = ContainingFunction.Of(context.Operation, context.ContainingSymbol);
        if (function.Symbol is not { } symbol || symbol.IsAsync || IsEntryPoint(symbol)
            || !IsStartedHere(BlockingWait.StripConfigureAwait(task), types)
            || TaskCompletionProof.IsProvablyComplete(task))
        {
            return;
        }

        var functionKind = symbol.MethodKind switch
        {
            MethodKind.AnonymousFunction => "lambda",
            MethodKind.LocalFunction => "local function",
            MethodKind.Constructor => "constructor",
            MethodKind.PropertyGet or MethodKind.PropertySet => "accessor",
            _ => "method",
        };
        context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), BlockingWait.Describe(kind), functionKind));
    }

    // The task comes from a call right here (`FooAsync().Result`, `Task.Run(...).Wait()`), or from a local
    // initialized by such a call (`var t = FooAsync(); ... t.Result`).
    private static bool IsStartedHere(IOperation task, WellKnownTypes types)
    {
        switch (task)
        {
            case IInvocationOperation invocation:
                return StartsWork(invocation, types);
            case ILocalReferenceOperation local when task.SemanticModel is { } model:
                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax call }
                        && model.SyntaxTree == call.SyntaxTree
                        && model.GetOperation(call) is IInvocationOperation initializer
                        && StartsWork(initializer, types))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // A call that returns a task it started, as opposed to one that picks a task out of a collection (`tasks.First()`).
    private static bool StartsWork(IInvocationOperation invocation, WellKnownTypes types)
    {
        if (!types.IsTaskLike(invocation.Type))
        {
            return false;
        }

        var ns = invocation.TargetMethod.ContainingNamespace?.ToDisplayString();
        return ns is null || !(ns.StartsWith("System.Linq", System.StringComparison.Ordinal) || ns.StartsWith("System.Collections", System.StringComparison.Ordinal));
    }

    private static bool IsEntryPoint(IMethodSymbol method) =>
        method.IsStatic && method.MethodKind == MethodKind.Ordinary && method.Name is "Main" or "<Main>$";
}
