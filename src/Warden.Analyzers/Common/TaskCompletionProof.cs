using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>
/// Decides whether a task is provably complete where it is read, the false positive users report most against
/// other analyzers (vs-threading#541, roslyn-analyzers#5416, dotnet/docs#27150): after <c>await t</c>, after
/// <c>await Task.WhenAll(..t..)</c>, after a check of <c>t.IsCompleted</c> (or IsCompletedSuccessfully, IsFaulted,
/// IsCanceled, Status), for <c>Task.FromResult</c>/<c>CompletedTask</c>, for the result of <c>await Task.WhenAny</c>,
/// and for the antecedent parameter of a <c>ContinueWith</c> callback. Runs only once a blocking wait was found.
/// </summary>
internal static class TaskCompletionProof
{
    /// <summary>True when <paramref name="task"/> is complete at the point it is read.</summary>
    public static bool IsProvablyComplete(IOperation task)
    {
        var stripped = BlockingWait.StripConfigureAwait(task);
        if (IsCompletedTaskSyntax(stripped.Syntax))
        {
            return true;
        }

        ISymbol? symbol = stripped switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
            _ => null,
        };
        if (symbol is null)
        {
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { symbol.Name };
        switch (symbol)
        {
            case ILocalSymbol local when AddDeclarationFacts(local, names):
                return true;
            case IParameterSymbol parameter when IsContinuationAntecedent(parameter):
                return true;
        }

        var function = FunctionSyntax.FindContaining(task.Syntax);
        return function is not null && IsProvedEarlier(function, task.Syntax.SpanStart, names);
    }

    // Looks at how the local is declared: `var t = Task.FromResult(1)`, `var done = await Task.WhenAny(a, b)`,
    // `foreach (var t in tasks)` (then `tasks` counts too), `var t = tasks[0]`.
    private static bool AddDeclarationFacts(ILocalSymbol local, HashSet<string> names)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            switch (declaration)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value }:
                    var initializer = StripSyntax(value);
                    if (IsCompletedTaskSyntax(initializer)
                        || (initializer is AwaitExpressionSyntax awaited && InvokedName(StripSyntax(awaited.Expression)) == "WhenAny"))
                    {
                        return true;
                    }

                    if (initializer is ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax indexed })
                    {
                        names.Add(indexed.Identifier.ValueText);
                    }

                    break;
                case ForEachStatementSyntax { Expression: IdentifierNameSyntax collection }:
                    names.Add(collection.Identifier.ValueText);
                    break;
            }
        }

        return false;
    }

    private static bool IsContinuationAntecedent(IParameterSymbol parameter)
    {
        if (parameter.Ordinal != 0 || parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
        {
            return false;
        }

        foreach (var reference in lambda.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax().Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation }
                && InvokedName(invocation) == "ContinueWith")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProvedEarlier(SyntaxNode function, int position, HashSet<string> names)
    {
        // Collections that hold one of the names: `var all = new[] { t1, t2 }`, `tasks.Add(t1)`.
        var containers = new HashSet<string>(StringComparer.Ordinal);
        var awaitedTogether = new List<ExpressionSyntax>();
        foreach (var node in function.DescendantNodes(n => n == function || !FunctionSyntax.IsNestedFunction(n)))
        {
            if (node.SpanStart >= position)
            {
                break;
            }

            switch (node)
            {
                case AwaitExpressionSyntax awaitExpression:
                    var awaited = StripSyntax(awaitExpression.Expression);
                    if (NameOf(awaited) is { } awaitedName && names.Contains(awaitedName))
                    {
                        return true;
                    }

                    if (awaited is InvocationExpressionSyntax whenAll && InvokedName(whenAll) == "WhenAll")
                    {
                        awaitedTogether.Add(whenAll);
                    }

                    break;

                case MemberAccessExpressionSyntax memberAccess when IsCompletionCheck(memberAccess.Name.Identifier.ValueText)
                    && NameOf(memberAccess.Expression) is { } checkedName && names.Contains(checkedName):
                    return true;

                case VariableDeclaratorSyntax { Initializer.Value: { } value } declarator when MentionsAny(value, names):
                    containers.Add(declarator.Identifier.ValueText);
                    break;

                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange", Expression: { } target } } add
                    when NameOf(target) is { } containerName && MentionsAny(add.ArgumentList, names):
                    containers.Add(containerName);
                    break;
            }
        }

        foreach (var whenAll in awaitedTogether)
        {
            var arguments = ((InvocationExpressionSyntax)whenAll).ArgumentList;
            if (MentionsAny(arguments, names) || MentionsAny(arguments, containers))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCompletionCheck(string member) =>
        member is "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status";

    private static bool MentionsAny(SyntaxNode node, HashSet<string> names)
    {
        if (names.Count == 0)
        {
            return false;
        }

        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is IdentifierNameSyntax identifier && names.Contains(identifier.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCompletedTaskSyntax(SyntaxNode node)
    {
        var expression = node is ExpressionSyntax e ? StripSyntax(e) : null;
        switch (expression)
        {
            case InvocationExpressionSyntax invocation:
                return InvokedName(invocation) is "FromResult" or "FromException" or "FromCanceled";
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" }:
                return true;
            case ObjectCreationExpressionSyntax { Type: GenericNameSyntax { Identifier.ValueText: "ValueTask" }, ArgumentList.Arguments.Count: 1 } creation:
                // new ValueTask<T>(value) wraps a value; new ValueTask<T>(task) wraps a task that may still run.
                return creation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax;
            case DefaultExpressionSyntax:
                return true;
            default:
                return false;
        }
    }

    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } => name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: GenericNameSyntax generic } => generic.Identifier.ValueText,
        _ => null,
    };

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
        _ => null,
    };

    // Removes parentheses, casts to a task type are kept, and `.ConfigureAwait(...)`.
    private static ExpressionSyntax StripSyntax(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access }:
                    expression = access.Expression;
                    continue;
                default:
                    return expression;
            }
        }
    }
}
