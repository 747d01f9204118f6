using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.TaskOwnership;

/// <summary>
/// WD304: a task stored in a local (or in a local collection nobody reads) that can leave the method without
/// being awaited, returned or handed on. Follows every path through the control flow graph, so an await in a
/// <c>finally</c> or on each branch counts, and an early return or an overwrite does not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskNeverAwaitedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.TaskNeverAwaited,
        title: "Task never awaited",
        messageFormat: "The task stored in '{0}' is not awaited on every path out of the method; await it, return it, or hand it to a TaskGroup",
        DiagnosticCategories.TaskOwnership,
        DiagnosticSeverity.Warning,
        description: "A task that nobody awaits loses its exception and outlives the code that started it.");

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

            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, shapes));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, TaskShapes shapes)
    {
        foreach (var root in context.OperationBlocks)
        {
            if (root.Kind is not (OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody)
                || !HasTaskStore(root, shapes))
            {
                continue;
            }

            var captured = TaskOwnershipFlow.CapturedLocals(root);
            var deadCollections = TaskOwnershipFlow.DeadCollections(root);
            ReportTasksAddedToDeadCollections(context, root, shapes, deadCollections);
            var graph = context.GetControlFlowGraph(root);
            AnalyzeGraph(context, graph, shapes, captured, deadCollections, new HashSet<IOperation>());
        }
    }

    private static void AnalyzeGraph(OperationBlockAnalysisContext context, ControlFlowGraph graph, TaskShapes shapes,
        HashSet<ILocalSymbol> captured, HashSet<ILocalSymbol> deadCollections, HashSet<IOperation> visitedGraphs)
    {
        var locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                var candidate = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
                if (candidate is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    && shapes.IsTaskLike(target.Local.Type) && !captured.Contains(target.Local) && shapes.StartsWork(assignment.Value))
                {
                    locals.Add(target.Local);
                }

                foreach (var nested in operation.DescendantsAndSelf())
                {
                    if (nested is IFlowAnonymousFunctionOperation lambda && visitedGraphs.Add(lambda))
                    {
                        AnalyzeGraph(context, graph.GetAnonymousFunctionControlFlowGraph(lambda), shapes, captured, deadCollections, visitedGraphs);
                    }
                }
            }
        }

        foreach (var local in locals)
        {
            TaskOwnershipFlow.FindLeaks(graph, local, shapes.StartsWork, deadCollections,
                value => context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), local.Name)));
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            AnalyzeGraph(context, graph.GetLocalFunctionControlFlowGraph(localFunction), shapes, captured, deadCollections, visitedGraphs);
        }
    }

    private static void ReportTasksAddedToDeadCollections(OperationBlockAnalysisContext context, IOperation root, TaskShapes shapes, HashSet<ILocalSymbol> deadCollections)
    {
        if (deadCollections.Count == 0)
        {
            return;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation { Instance: ILocalReferenceOperation collection } invocation
                && deadCollections.Contains(collection.Local)
                && invocation.Arguments.Length == 1
                && shapes.StartsWork(invocation.Arguments[0].Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Arguments[0].Value.Syntax.GetLocation(), collection.Local.Name));
            }
        }
    }

    private static bool HasTaskStore(IOperation root, TaskShapes shapes)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                    when shapes.IsTaskLike(declarator.Symbol.Type) && shapes.StartsWork(initializer.Value):
                    return true;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when shapes.IsTaskLike(target.Local.Type) && shapes.StartsWork(assignment.Value):
                    return true;
                case IInvocationOperation { Instance: ILocalReferenceOperation, Arguments.Length: 1 } invocation
                    when shapes.StartsWork(invocation.Arguments[0].Value):
                    return true;
            }
        }

        return false;
    }
}
