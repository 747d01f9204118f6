using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.TaskOwnership;

/// <summary>
/// WD301: a call that starts a task whose result nobody keeps: a bare statement <c>FooAsync();</c>
/// (in sync and async code alike) or a discard <c>_ = FooAsync();</c>. Handing the work to an owner
/// (<c>ITaskGroup.Spawn</c>, <c>BackgroundTasks.TryStart</c>) is the accepted way to let it run on.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskDroppedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.TaskDropped,
        title: "Task dropped",
        messageFormat: "The task returned by '{0}' is dropped: its failure will never be seen; await it or hand it to an owner (ITaskGroup.Spawn, BackgroundTasks.TryStart)",
        DiagnosticCategories.TaskOwnership,
        DiagnosticSeverity.Warning,
        description: "A dropped task runs unobserved: nobody waits for it, nobody sees its exception, and shutdown cannot drain it.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TaskShapes.Create(start.Compilation) is not { } shapes)
            {
                return;
            }

            var owners = TaskOwners.Create(start.Compilation);
            var continuationOptions = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskContinuationOptions");
            start.RegisterOperationAction(
                operation => AnalyzeDroppedValue(operation, ((IExpressionStatementOperation)operation.Operation).Operation, shapes, owners, continuationOptions),
                OperationKind.ExpressionStatement);
            start.RegisterOperationAction(
                operation =>
                {
                    var assignment = (ISimpleAssignmentOperation)operation.Operation;
                    if (assignment.Target is IDiscardOperation)
                    {
                        AnalyzeDroppedValue(operation, assignment.Value, shapes, owners, continuationOptions);
                    }
                },
                OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeDroppedValue(OperationAnalysisContext context, IOperation value, TaskShapes shapes, TaskOwners owners, INamedTypeSymbol? continuationOptions)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        var call = value is IConditionalAccessOperation conditional ? conditional.WhenNotNull : value;
        if (call is not IInvocationOperation invocation || !shapes.StartsWork(invocation) || owners.IsOwner(invocation.TargetMethod)
            || ObservesFaults(invocation, continuationOptions) || ExpressionTrees.IsInside(value))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), invocation.TargetMethod.Name));
    }

    // TaskContinuationOptions.OnlyOnFaulted = NotOnRanToCompletion | NotOnCanceled.
    private const int OnlyOnFaulted = 0x50000;

    // `t.ContinueWith(log, TaskContinuationOptions.OnlyOnFaulted)` is the classic way to observe a task you let go.
    private static bool ObservesFaults(IInvocationOperation invocation, INamedTypeSymbol? continuationOptions)
    {
        if (invocation.TargetMethod.Name != "ContinueWith" || continuationOptions is null)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Value.Type, continuationOptions)
                && argument.Value.ConstantValue is { HasValue: true, Value: int flags }
                && (flags & OnlyOnFaulted) == OnlyOnFaulted)
            {
                return true;
            }
        }

        return false;
    }
}
