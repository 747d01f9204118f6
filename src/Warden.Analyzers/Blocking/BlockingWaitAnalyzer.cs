using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Blocking;

/// <summary>
/// WD201: <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c> (Task and ValueTask, generic too, with
/// or without ConfigureAwait), <c>Task.WaitAll/WaitAny</c>, <c>SemaphoreSlim.Wait</c> and
/// <c>ManualResetEventSlim.Wait</c> inside async code, unless the task is provably complete.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : WardenAnalyzer
{
    /// <summary>The diagnostic property holding the <see cref="BlockingWaitKind"/> name, read by the code fix.</summary>
    internal const string KindProperty = "Kind";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.BlockingWait,
        title: "Blocking wait in async code",
        messageFormat: "'{0}' blocks a thread inside async code; await instead",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        description: "A blocking wait inside async code holds a thread-pool thread until the task completes, which starves the pool under load and can deadlock under a synchronization context. Await the task (or WaitAsync the primitive) instead.");

    private static readonly ImmutableDictionary<string, string?>[] s_properties = CreateProperties();

    /// <summary>Creates the analyzer.</summary>
    public BlockingWaitAnalyzer()
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
        if (kind == BlockingWaitKind.None
            || !ContainingFunction.IsInAsyncCode(context.Operation, context.ContainingSymbol)
            || (task is not null && TaskCompletionProof.IsProvablyComplete(task)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            context.Operation.Syntax.GetLocation(),
            s_properties[(int)kind],
            BlockingWait.Describe(kind)));
    }

    private static ImmutableDictionary<string, string?>[] CreateProperties()
    {
        var values = (BlockingWaitKind[])System.Enum.GetValues(typeof(BlockingWaitKind));
        var properties = new ImmutableDictionary<string, string?>[values.Length];
        foreach (var value in values)
        {
            properties[(int)value] = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, value.ToString());
        }

        return properties;
    }
}
