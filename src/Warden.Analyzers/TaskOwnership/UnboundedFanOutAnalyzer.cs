using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.TaskOwnership;

/// <summary>
/// WD303: <c>Task.WhenAll</c>/<c>WhenAny</c> over one task per element of a collection whose size the code does
/// not fix, with no limit in sight. A fixed set (an array literal, three named tasks, <c>Enumerable.Range(0, 4)</c>,
/// a <c>Chunk(16)</c> batch) is fine, and so is a visible limit: a <c>SemaphoreSlim</c> or rate limiter acquired
/// before the work, or a sliding window on the task list's <c>Count</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedFanOutAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.UnboundedFanOut,
        title: "Unbounded fan-out",
        messageFormat: "Task.{0} starts one task per element of '{1}', whose size is not fixed, with no concurrency limit; use TaskGroup.SelectAsync/ForEachAsync or Parallel.ForEachAsync with a maximum",
        DiagnosticCategories.TaskOwnership,
        DiagnosticSeverity.Warning,
        description: "Starting every task at once lets the input size choose the load on sockets, file descriptors and the downstream service.");

    /// <summary>Diagnostic property set when the argument is <c>source.Select(selector)</c> itself, the shape the fix rewrites.</summary>
    public const string DirectSelectProperty = "DirectSelect";

    private const int MaxDefinitionDepth = 3;

    // Types whose use before or inside the per-element work is a limit a reader can see.
    private static readonly string[] LimiterTypeNames = { "System.Threading.SemaphoreSlim", "System.Threading.RateLimiting.RateLimiter" };

    // Words in a parameter's name that say it is a number of workers (`degreeOfParallelism`, `maxConcurrency`, `workerCount`).
    private static readonly string[] DegreeOfParallelismWords = { "degree", "parallel", "concurren", "worker" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TaskShapes.Create(start.Compilation) is not { } shapes
                || start.Compilation.GetTypeByMetadataName("System.Linq.Enumerable") is not { } enumerable)
            {
                return;
            }

            var limiters = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in LimiterTypeNames)
            {
                if (start.Compilation.GetTypeByMetadataName(name) is { } limiter)
                {
                    limiters.Add(limiter);
                }
            }

            var fanOut = new FanOutShapes(shapes, enumerable, start.Compilation.GetTypeByMetadataName("System.Math"), limiters.ToImmutable());
            start.RegisterOperationAction(operation => AnalyzeInvocation(operation, fanOut), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, FanOutShapes fanOut)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("WhenAll" or "WhenAny")
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, fanOut.Shapes.Task)
            || invocation.Arguments.Length != 1
            || invocation.Arguments[0].ArgumentKind == ArgumentKind.ParamArray)
        {
            return;
        }

        var argument = Strip(invocation.Arguments[0].Value);
        var root = Root(invocation);
        if (FindUnboundedSource(argument, root, fanOut, MaxDefinitionDepth) is not { } source)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (fanOut.SelectCall(argument) is not null)
        {
            properties = properties.Add(DirectSelectProperty, "true");
        }

        var sourceText = string.Join(" ", source.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        if (sourceText.Length > 40)
        {
            sourceText = sourceText.Substring(0, 37) + "...";
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), properties, method.Name, sourceText));
    }

    // Returns the collection whose every element starts a task without a limit, or null when none does.
    private static IOperation? FindUnboundedSource(IOperation value, IOperation root, FanOutShapes fanOut, int depth)
    {
        value = FanOutShapes.PeelMaterializer(Strip(value));
        if (fanOut.SelectCall(value) is { } select)
        {
            var source = Strip(select.Arguments[0].Value);
            return fanOut.Shapes.IsTaskLike(ElementType(select.TargetMethod))
                && StartsWorkPerElement(select.Arguments[1].Value)
                && !IsKnownSize(source, root, fanOut, depth)
                && !IsOwnRegistry(source, root, fanOut, depth)
                && !fanOut.IsLimited(select.Arguments[1].Value)
                ? source
                : null;
        }

        if (value is not ILocalReferenceOperation local || depth == 0)
        {
            return null;
        }

        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                    if (FindUnboundedSource(initializer.Value, root, fanOut, depth - 1) is { } fromInitializer)
                    {
                        return fromInitializer;
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    if (FindUnboundedSource(assignment.Value, root, fanOut, depth - 1) is { } fromAssignment)
                    {
                        return fromAssignment;
                    }

                    break;
                case IInvocationOperation { Instance: ILocalReferenceOperation receiver, Arguments.Length: 1 } add
                    when add.TargetMethod.Name is "Add" or "Enqueue" or "Push"
                        && SymbolEqualityComparer.Default.Equals(receiver.Local, local.Local)
                        && fanOut.Shapes.StartsWork(add.Arguments[0].Value):
                    if (UnboundedLoopAround(add, local.Local, root, fanOut, depth) is { } loopSource)
                    {
                        return loopSource;
                    }

                    break;
            }
        }

        return null;
    }

    // `x => x.Completed` collects tasks that already exist; `x => SendAsync(x)` and `async x => ...` start one each.
    private static bool StartsWorkPerElement(IOperation selector)
    {
        if (Strip(selector) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            return true;
        }

        if (lambda.Symbol.IsAsync)
        {
            return true;
        }

        // Only a selector that hands back a task someone already holds starts nothing. Anything else (a call,
        // or code the compiler could not bind because a type is missing) is treated as starting work.
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value }
                && Strip(value) is not (IPropertyReferenceOperation or IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation))
            {
                return true;
            }
        }

        return false;
    }

    // A task added inside a loop whose trip count is not fixed, with no limiter or sliding window in the loop body.
    private static IOperation? UnboundedLoopAround(IInvocationOperation add, ILocalSymbol tasks, IOperation root, FanOutShapes fanOut, int depth)
    {
        for (var parent = add.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (parent is not ILoopOperation loop)
            {
                continue;
            }

            var bounded = loop switch
            {
                IForEachLoopOperation forEach => IsKnownSize(Strip(forEach.Collection), root, fanOut, depth - 1),
                // `for (i = 0; i < items.Count; i++)` walks a collection; `i < workerCount` starts a chosen number of workers.
                IForLoopOperation { Condition: IBinaryOperation condition } => !WalksCollection(Strip(condition.RightOperand)),
                _ => false,
            };
            if (bounded || fanOut.IsLimited(loop.Body) || fanOut.IsLimited(add.Arguments[0].Value) || UsesWindow(loop.Body, tasks))
            {
                return null;
            }

            if (loop is IForEachLoopOperation each && IsOwnRegistry(Strip(each.Collection), root, fanOut, depth - 1))
            {
                return null;
            }

            return loop is IForEachLoopOperation forEachLoop ? Strip(forEachLoop.Collection) : loop;
        }

        return null;
    }

    private static bool WalksCollection(IOperation bound) =>
        bound is IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongLength" }
            or IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" };

    // `if (tasks.Count >= max) await Task.WhenAny(tasks)` keeps a window of at most `max` tasks.
    private static bool UsesWindow(IOperation loopBody, ILocalSymbol tasks)
    {
        foreach (var operation in loopBody.Descendants())
        {
            if (operation is IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: ILocalReferenceOperation list }
                && SymbolEqualityComparer.Default.Equals(list.Local, tasks))
            {
                return true;
            }
        }

        return false;
    }

    // `_initializers`, `_topology.Queues`, `_jobTypes.Values.Where(...)`: a collection this object keeps (handlers,
    // endpoints, registered services) grows with configuration, not with the input. Input data arrives as parameters,
    // call results and locals, which stay flagged, except a local set once to a registry filtered by LINQ
    // (`var enabled = _providers.Where(p => p.Enabled).ToArray()`), which is still the registry.
    private static bool IsOwnRegistry(IOperation source, IOperation root, FanOutShapes fanOut, int depth)
    {
        var current = source;
        while (true)
        {
            current = Strip(current);
            switch (current)
            {
                case IInvocationOperation invocation when fanOut.IsEnumerable(invocation.TargetMethod.ContainingType) && invocation.Arguments.Length > 0:
                    current = invocation.Arguments[0].Value;
                    continue;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    current = instance;
                    continue;
                case IFieldReferenceOperation { Instance: { } instance }:
                    current = instance;
                    continue;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    return true;
                case IInstanceReferenceOperation:
                    return current != source;
                case ILocalReferenceOperation local when depth > 0:
                    return SingleInitializer(local.Local, root) is { } initializer
                        && fanOut.PeelFilters(initializer) is IFieldReferenceOperation or IPropertyReferenceOperation
                        && IsOwnRegistry(initializer, root, fanOut, depth - 1);
                default:
                    return false;
            }
        }
    }

    // The value a local is declared with, when nothing else writes to it; null when it is assigned again, passed by
    // `ref`/`out`, or declared without an initializer, so the value the rule reads is the value the local holds.
    private static IOperation? SingleInitializer(ILocalSymbol local, IOperation root)
    {
        IOperation? initializer = null;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initializer = declarator.Initializer?.Value;
                    if (initializer is null)
                    {
                        return null;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation counter } when SymbolEqualityComparer.Default.Equals(counter.Local, local):
                case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation byRef } when SymbolEqualityComparer.Default.Equals(byRef.Local, local):
                    return null;
            }
        }

        return initializer;
    }

    private static bool IsKnownSize(IOperation source, IOperation root, FanOutShapes fanOut, int depth)
    {
        source = Strip(source);
        if (source.Syntax is CollectionExpressionSyntax or InitializerExpressionSyntax)
        {
            return true;
        }

        switch (source)
        {
            case IArrayCreationOperation array:
                return array.Initializer is not null || AllConstant(array.DimensionSizes);
            case IObjectCreationOperation { Initializer: { } initializer, Arguments.Length: 0 }:
                return initializer.Initializers.Length > 0;
            case IInvocationOperation invocation when fanOut.IsEnumerable(invocation.TargetMethod.ContainingType):
                return invocation.TargetMethod.Name switch
                {
                    "Range" or "Repeat" => invocation.Arguments.Length == 2 && IsChosenCount(invocation.Arguments[1].Value, root, fanOut, depth),
                    "Take" => invocation.Arguments.Length == 2 && invocation.Arguments[1].Value.ConstantValue.HasValue,
                    _ => invocation.Arguments.Length > 0 && IsKnownSize(invocation.Arguments[0].Value, root, fanOut, depth),
                };
            case IInvocationOperation { TargetMethod: { Name: "GetValues" or "GetNames", ContainingType.SpecialType: SpecialType.System_Enum } }:
                return true;
            case IFieldReferenceOperation field:
                return field.Field.IsReadOnly && HasLiteralInitializer(field.Field);
            case ILocalReferenceOperation local when depth > 0:
                return LocalHasKnownSize(local.Local, root, fanOut, depth - 1);
            default:
                return false;
        }
    }

    // `Range(0, n)`/`Repeat(factory, n)` starts n identical workers (a pool draining a shared queue) when n is chosen
    // rather than measured from the input: a constant, this object's settings (`_options.WorkerCount`), a `Math.Min`
    // with one chosen bound, a `??` whose both sides are chosen, a local set once to one of these, or a parameter named
    // for a degree of parallelism. A local's name is not trusted: its initializer is in view and says more.
    private static bool IsChosenCount(IOperation count, IOperation root, FanOutShapes fanOut, int depth)
    {
        count = Strip(count);
        if (count.ConstantValue.HasValue)
        {
            return true;
        }

        switch (count)
        {
            case IInvocationOperation { TargetMethod.Name: "Min" } min when fanOut.IsMath(min.TargetMethod.ContainingType):
                foreach (var argument in min.Arguments)
                {
                    if (IsChosenCount(argument.Value, root, fanOut, depth))
                    {
                        return true;
                    }
                }

                return false;
            case ICoalesceOperation coalesce:
                return IsChosenCount(coalesce.Value, root, fanOut, depth) && IsChosenCount(coalesce.WhenNull, root, fanOut, depth);
            case IParameterReferenceOperation parameter:
                return NamesDegreeOfParallelism(parameter.Parameter.Name);
            case ILocalReferenceOperation local:
                return depth > 0 && SingleInitializer(local.Local, root) is { } initializer && IsChosenCount(initializer, root, fanOut, depth - 1);
            default:
                return IsOwnRegistry(count, root, fanOut, depth);
        }
    }

    private static bool NamesDegreeOfParallelism(string name)
    {
        foreach (var word in DegreeOfParallelismWords)
        {
            if (name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LocalHasKnownSize(ILocalSymbol local, IOperation root, FanOutShapes fanOut, int depth)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return IsKnownSize(initializer.Value, root, fanOut, depth);
            }

            // A batch from `source.Chunk(16)` holds at most 16 elements.
            if (operation is IForEachLoopOperation loop && LoopDeclares(loop, local)
                && Strip(loop.Collection) is IInvocationOperation { TargetMethod.Name: "Chunk" } chunk
                && chunk.Arguments.Length == 2 && chunk.Arguments[1].Value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LoopDeclares(IForEachLoopOperation loop, ILocalSymbol local)
    {
        foreach (var declared in loop.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(declared, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLiteralInitializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value }
                && (value is ArrayCreationExpressionSyntax { Initializer: not null } or ImplicitArrayCreationExpressionSyntax or InitializerExpressionSyntax
                    || value.IsKind(SyntaxKind.CollectionExpression)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllConstant(ImmutableArray<IOperation> sizes)
    {
        foreach (var size in sizes)
        {
            if (!size.ConstantValue.HasValue)
            {
                return false;
            }
        }

        return true;
    }

    private static ITypeSymbol? ElementType(IMethodSymbol select) => select.TypeArguments.Length == 2 ? select.TypeArguments[1] : null;

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
