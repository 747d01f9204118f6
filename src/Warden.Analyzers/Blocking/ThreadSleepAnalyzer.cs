using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Blocking;

/// <summary>WD202: <c>Thread.Sleep</c> inside an async method, lambda or local function.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadSleepAnalyzer : WardenAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.ThreadSleep,
        title: "Thread.Sleep in async code",
        messageFormat: "Thread.Sleep blocks a thread-pool thread inside async code; await Task.Delay instead",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        description: "Thread.Sleep holds the thread for the whole duration, so every sleeping request takes a pool thread out of service. Task.Delay frees the thread and honours cancellation.");

    /// <summary>Creates the analyzer.</summary>
    public ThreadSleepAnalyzer()
        : base(Rule)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var thread = start.Compilation.GetTypeByMetadataName("System.Threading.Thread");
        if (thread is null)
        {
            return;
        }

        start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, thread), OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol thread)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Sleep"
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, thread)
            || !ContainingFunction.IsInAsyncCode(invocation, context.ContainingSymbol))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
    }
}
