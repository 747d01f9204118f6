using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Cancellation;

/// <summary>
/// WD501: in async code, a <c>catch (Exception)</c>, <c>catch</c>, <c>catch (OperationCanceledException)</c> or
/// <c>catch (TaskCanceledException)</c> around work that takes a cancellation token, which neither rethrows nor
/// filters cancellation out. Accepted: <c>when (ex is not OperationCanceledException)</c>, any filter on the
/// exception or on <c>IsCancellationRequested</c>, an earlier <c>catch (OperationCanceledException)</c>, a rethrow,
/// the shutdown pattern (catch the cancellation and leave, without a result that pretends success, and without
/// going round a loop again), and cleanup code already inside a catch or finally block.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwallowedCancellationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.SwallowedCancellation,
        title: "Swallowed cancellation",
        messageFormat: "'catch ({0})' swallows cancellation: when the caller cancels, this code carries on as if nothing happened; {1}",
        DiagnosticCategories.Cancellation,
        DiagnosticSeverity.Warning,
        description: "Cancellation is an exception that must reach the caller. A catch that eats it turns 'stop' into 'keep going' or into an error log.");

    /// <summary>Diagnostic property: the token expression the fix uses in a <c>when (!token.IsCancellationRequested)</c> filter.</summary>
    public const string TokenProperty = "Token";

    /// <summary>Diagnostic property set when the caught type is OperationCanceledException or TaskCanceledException.</summary>
    public const string CatchesCancellationProperty = "CatchesCancellation";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName("System.OperationCanceledException") is not { } canceled
                || compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is not { } token
                || compilation.GetTypeByMetadataName("System.Exception") is not { } exception)
            {
                return;
            }

            var types = new CancellationTypes(canceled, compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCanceledException"), token, exception);
            start.RegisterOperationAction(operation => AnalyzeCatch(operation, types), OperationKind.CatchClause);
        });
    }

    private static void AnalyzeCatch(OperationAnalysisContext context, CancellationTypes types)
    {
        var clause = (ICatchClauseOperation)context.Operation;
        var caught = clause.ExceptionType;
        var catchesAll = caught.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(caught, types.Exception);
        var catchesCancellation = types.IsCancellation(caught);
        if ((!catchesAll && !catchesCancellation) || clause.Parent is not ITryOperation tryOperation
            || !ContainingFunction.IsInAsyncCode(clause, context.ContainingSymbol)
            || CancellationScope.InCleanupBlock(tryOperation)
            || FindToken(tryOperation.Body, types) is not { } token
            || (clause.Filter is { } filter && FilterIsAboutCancellation(filter, clause, types))
            || Propagates(clause.Handler, clause))
        {
            return;
        }

        if (IsLocalTimeout(token, Root(tryOperation)) || IsCancellableSleep(tryOperation.Body))
        {
            return;
        }

        if (catchesAll && EarlierClauseCatchesCancellation(tryOperation, clause, types))
        {
            return;
        }

        if (catchesCancellation && ReturnsWithoutResult(clause, tryOperation))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(TokenProperty, token.Syntax.ToString());
        if (catchesCancellation)
        {
            properties = properties.Add(CatchesCancellationProperty, "true");
        }

        var hint = catchesCancellation
            ? $"add 'when (!{token.Syntax}.IsCancellationRequested)' so the caller's cancellation propagates, or rethrow"
            : "add 'when (ex is not OperationCanceledException)' or rethrow";
        var typeName = caught.SpecialType == SpecialType.System_Object ? "all" : caught.Name;
        context.ReportDiagnostic(Diagnostic.Create(Rule, CatchLocation(clause), properties, typeName, hint));
    }

    // `try { await Task.Delay(pause, token); } catch { }`: a pause that stopping cuts short, the one thing in the try.
    private static bool IsCancellableSleep(IBlockOperation body)
    {
        if (body.Operations.Length != 1 || body.Operations[0] is not IExpressionStatementOperation { Operation: IAwaitOperation awaited })
        {
            return false;
        }

        var operation = awaited.Operation;
        if (operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance })
        {
            operation = instance;
        }

        return operation is IInvocationOperation { TargetMethod: { Name: "Delay", ContainingType.Name: "Task" } };
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static Location CatchLocation(ICatchClauseOperation clause)
    {
        var syntax = (CatchClauseSyntax)clause.Syntax;
        var end = syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
    }

    // The token handed to cancellable work inside the try; null when nothing in it can be cancelled.
    private static IOperation? FindToken(IOperation tryBody, CancellationTypes types)
    {
        var awaits = false;
        IOperation? token = null;
        foreach (var operation in tryBody.Descendants())
        {
            switch (operation)
            {
                case IAwaitOperation:
                    awaits = true;
                    break;
                case IArgumentOperation argument when token is null
                    && SymbolEqualityComparer.Default.Equals(argument.Value.Type, types.Token)
                    && !CancellationScope.IsNoToken(argument.Value, types.Token)
                    && !argument.IsImplicit:
                    token = argument.Value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ThrowIfCancellationRequested", Instance: { } instance } when token is null:
                    token = instance;
                    break;
            }
        }

        return awaits ? token : null;
    }

    private static bool FilterIsAboutCancellation(IOperation filter, ICatchClauseOperation clause, CancellationTypes types)
    {
        foreach (var operation in filter.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local when clause.Locals.Contains(local.Local):
                case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" }:
                case IIsTypeOperation isType when types.IsCancellation(isType.TypeOperand):
                case ITypePatternOperation typePattern when types.IsCancellation(typePattern.MatchedType):
                case IDeclarationPatternOperation declaration when types.IsCancellation(declaration.MatchedType):
                    return true;
            }
        }

        return false;
    }

    private static bool Propagates(IOperation handler, ICatchClauseOperation clause)
    {
        foreach (var operation in handler.Descendants())
        {
            switch (operation)
            {
                case IThrowOperation:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "ThrowIfCancellationRequested" or "Throw" or "SetCanceled" or "TrySetCanceled" or "SetException" or "TrySetException" }:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Add" or "Enqueue" } collect when PassesCaughtException(collect, clause):
                    // Collected to be thrown together later (an AggregateException of all failures).
                    return true;
            }
        }

        return false;
    }

    private static bool PassesCaughtException(IInvocationOperation invocation, ICatchClauseOperation clause)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value is ILocalReferenceOperation local && clause.Locals.Contains(local.Local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EarlierClauseCatchesCancellation(ITryOperation tryOperation, ICatchClauseOperation clause, CancellationTypes types)
    {
        foreach (var earlier in tryOperation.Catches)
        {
            if (earlier == clause)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(earlier.ExceptionType, types.Canceled))
            {
                return true;
            }
        }

        return false;
    }

    // The shutdown pattern: the cancellation ends the work, with no result that could read as success.
    // A handler that returns a value, or one that lets a loop go round again, swallows it.
    private static bool ReturnsWithoutResult(ICatchClauseOperation clause, ITryOperation tryOperation)
    {
        var statements = clause.Handler.Operations;
        switch (statements.Length > 0 ? statements[statements.Length - 1] : null)
        {
            case IReturnOperation { ReturnedValue: not null, Kind: OperationKind.Return }:
                return false;
            case IReturnOperation:
            case IBranchOperation { BranchKind: BranchKind.Break }:
                return true;
        }

        return !InsideLoopThatIgnoresCancellation(tryOperation);
    }

    // A loop on `!token.IsCancellationRequested` ends after the swallowed cancellation; any other loop goes round again.
    private static bool InsideLoopThatIgnoresCancellation(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IWhileLoopOperation { Condition: { } condition } when ChecksCancellation(condition):
                case IForLoopOperation { Condition: { } forCondition } when ChecksCancellation(forCondition):
                    return false;
                case ILoopOperation:
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool ChecksCancellation(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" })
            {
                return true;
            }
        }

        return false;
    }

    // `using var timeout = new CancellationTokenSource(10s)`: its cancellation is a timeout of this code, not the caller's stop.
    private static bool IsLocalTimeout(IOperation token, IOperation root)
    {
        if (token is not IPropertyReferenceOperation { Property.Name: "Token", Instance: ILocalReferenceOperation source })
        {
            return false;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, source.Local))
            {
                var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                while (initializer is IConversionOperation conversion)
                {
                    initializer = conversion.Operand;
                }

                return initializer is IObjectCreationOperation;
            }
        }

        return false;
    }
}
