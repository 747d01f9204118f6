using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>
/// Walks a control flow graph to find tasks stored in locals that can leave the function unobserved: a path
/// from the store to an exit (return, end of body, throw outside any try) on which the local is never read,
/// or on which it is overwritten before being read. A read is any use other than a write: awaiting it,
/// returning it, passing it on, storing it elsewhere. A <c>finally</c> that reads the local covers every path
/// that runs through it.
/// </summary>
internal static class TaskOwnershipFlow
{
    /// <summary>Reports each store into <paramref name="local"/> that is not observed on every path out of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph of the function that declares the local.</param>
    /// <param name="local">A local of an awaitable type that no lambda or local function captures.</param>
    /// <param name="isOwnedStore">True when the stored value creates a task that somebody must own.</param>
    /// <param name="deadCollections">Local collections that are filled and never read: adding the task to one of them is not a read.</param>
    /// <param name="onLeak">Called with the stored value of every leaking store.</param>
    public static void FindLeaks(ControlFlowGraph graph, ILocalSymbol local, System.Func<IOperation, bool> isOwnedStore, HashSet<ILocalSymbol> deadCollections, System.Action<IOperation> onLeak)
    {
        var tracked = new TrackedLocal(local, deadCollections);
        var blocks = graph.Blocks;
        var readsInBlock = new bool[blocks.Length];
        for (var b = 0; b < blocks.Length; b++)
        {
            foreach (var operation in blocks[b].Operations)
            {
                readsInBlock[b] |= Reads(operation, tracked);
            }

            if (blocks[b].BranchValue is { } branchValue)
            {
                readsInBlock[b] |= Reads(branchValue, tracked);
            }
        }

        for (var b = 0; b < blocks.Length; b++)
        {
            var operations = blocks[b].Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                if (StoredValue(operations[i], local) is { } value && isOwnedStore(value)
                    && LeaksFrom(blocks, readsInBlock, tracked, b, i + 1))
                {
                    onLeak(value);
                }
            }
        }
    }

    /// <summary>
    /// Collects the local collections (lists, sets, queues, arrays) that are only ever filled or declared:
    /// a task added to one of them has no owner.
    /// </summary>
    public static HashSet<ILocalSymbol> DeadCollections(IOperation root)
    {
        var used = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var filled = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference)
            {
                continue;
            }

            if (IsAddReceiver(reference))
            {
                filled.Add(reference.Local);
            }
            else if (!(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                && !(reference.Parent is IVariableDeclaratorOperation))
            {
                used.Add(reference.Local);
            }
        }

        filled.ExceptWith(used);
        return filled;
    }

    /// <summary>Collects the locals that any lambda or local function inside <paramref name="root"/> reads or writes.</summary>
    public static HashSet<ILocalSymbol> CapturedLocals(IOperation root)
    {
        var captured = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                foreach (var inner in operation.Descendants())
                {
                    if (inner is ILocalReferenceOperation reference && !DeclaredInside(reference.Local, operation.Syntax))
                    {
                        captured.Add(reference.Local);
                    }
                }
            }
        }

        return captured;
    }

    private static bool DeclaredInside(ILocalSymbol local, SyntaxNode function)
    {
        var declarations = local.DeclaringSyntaxReferences;
        return declarations.Length > 0 && function.Span.Contains(declarations[0].Span) && declarations[0].SyntaxTree == function.SyntaxTree;
    }

    private static bool LeaksFrom(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks, bool[] readsInBlock, TrackedLocal local, int startBlock, int startIndex)
    {
        var visited = new bool[blocks.Length];
        var pending = new Stack<(int Block, int Index)>();
        pending.Push((startBlock, startIndex));
        while (pending.Count > 0)
        {
            var (ordinal, index) = pending.Pop();
            var block = blocks[ordinal];
            if (block.Kind == BasicBlockKind.Exit)
            {
                return true;
            }

            var observed = false;
            var operations = block.Operations;
            for (var i = index; i < operations.Length && !observed; i++)
            {
                if (Reads(operations[i], local))
                {
                    observed = true;
                }
                else if (StoredValue(operations[i], local.Local) is not null)
                {
                    // Overwritten before anyone looked at it: the earlier task is lost.
                    return true;
                }
            }

            if (observed || (block.BranchValue is { } value && Reads(value, local)))
            {
                continue;
            }

            foreach (var branch in new[] { block.ConditionalSuccessor, block.FallThroughSuccessor })
            {
                if (branch is null || FinallyReads(branch, readsInBlock))
                {
                    continue;
                }

                switch (branch.Semantics)
                {
                    case ControlFlowBranchSemantics.Throw:
                    case ControlFlowBranchSemantics.Rethrow:
                        // Inside a try the handler may still observe it; the graph does not model that edge.
                        if (!InsideTry(block))
                        {
                            return true;
                        }

                        break;
                    case ControlFlowBranchSemantics.Regular:
                    case ControlFlowBranchSemantics.Return:
                        if (branch.Destination is { } destination && !visited[destination.Ordinal])
                        {
                            visited[destination.Ordinal] = true;
                            pending.Push((destination.Ordinal, 0));
                        }

                        break;
                }
            }
        }

        return false;
    }

    private static bool FinallyReads(ControlFlowBranch branch, bool[] readsInBlock)
    {
        foreach (var region in branch.FinallyRegions)
        {
            for (var b = region.FirstBlockOrdinal; b <= region.LastBlockOrdinal; b++)
            {
                if (readsInBlock[b])
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool InsideTry(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Try)
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? StoredValue(IOperation operation, ILocalSymbol local)
    {
        if (operation is IExpressionStatementOperation statement)
        {
            operation = statement.Operation;
        }

        return operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
            && SymbolEqualityComparer.Default.Equals(target.Local, local)
            ? assignment.Value
            : null;
    }

    private static bool IsAddReceiver(ILocalReferenceOperation reference) =>
        reference.Parent is IInvocationOperation invocation
        && invocation.Instance == reference
        && invocation.TargetMethod.Name is "Add" or "Enqueue" or "Push" or "Insert" or "TryAdd" or "AddRange";

    private static bool Reads(IOperation operation, TrackedLocal tracked)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, tracked.Local)
                && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                && !IsAddedToDeadCollection(reference, tracked.DeadCollections))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddedToDeadCollection(ILocalReferenceOperation reference, HashSet<ILocalSymbol> deadCollections) =>
        deadCollections.Count > 0
        && reference.Parent is IArgumentOperation { Parent: IInvocationOperation { Instance: ILocalReferenceOperation collection } invocation }
        && IsAddReceiver(collection)
        && invocation.Instance == collection
        && deadCollections.Contains(collection.Local);
}
