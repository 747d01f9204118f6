using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Warden.Analyzers.TaskOwnership;

namespace Warden.Analyzers.CodeFixes.TaskOwnership;

/// <summary>
/// Fix for WD303, offered when the Warden runtime is referenced: <c>Task.WhenAll(items.Select(async x => ...))</c>
/// becomes <c>TaskGroup.SelectAsync(items, MaxConcurrency, async (x, ct) => ...)</c> (<c>ForEachAsync</c> for
/// tasks without a result), passing the token in scope, with the limit as a named constant in the type for the
/// author to choose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BoundFanOutCodeFixProvider)), Shared]
public sealed class BoundFanOutCodeFixProvider : RuleCodeFixProvider
{
    /// <summary>The name of the constant the fix adds for the concurrency limit.</summary>
    public const string LimitConstantName = "MaxConcurrency";

    private const string EquivalenceKey = "WD303.TaskGroup";

    /// <summary>Creates the provider.</summary>
    public BoundFanOutCodeFixProvider()
        : base(UnboundedFanOutAnalyzer.Rule.Id)
    {
    }

    /// <summary>
    /// Fixes a document's diagnostics in one edit rather than through the batch fixer, so a type gets one
    /// <see cref="LimitConstantName"/> constant and a file one <c>using Warden;</c> however many fan-outs it bounds.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (fixAllContext, document, diagnostics) => await FixDocumentAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false));

    private protected override async Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.Compilation.GetTypeByMetadataName("Warden.TaskGroup") is null || Rewrite(root, model, diagnostic, "ct", context.CancellationToken) is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Bound the fan-out with TaskGroup",
                cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                EquivalenceKey),
            diagnostic);
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var types = new HashSet<TypeDeclarationSyntax>();
        var needsUsing = false;
        foreach (var diagnostic in diagnostics)
        {
            if (Rewrite(editor.OriginalRoot, model!, diagnostic, "ct", cancellationToken) is not { } rewrite)
            {
                continue;
            }

            editor.ReplaceNode(rewrite.Original, rewrite.Replacement);
            needsUsing |= !InWardenNamespace(rewrite.Original);
            if (rewrite.Original.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type && !HasMember(type, LimitConstantName))
            {
                types.Add(type);
            }
        }

        foreach (var type in types)
        {
            editor.InsertMembers(type, 0, new[] { LimitConstant() });
        }

        var root = (CompilationUnitSyntax)editor.GetChangedRoot();
        if (needsUsing && !root.Usings.Any(u => u.Name?.ToString() == "Warden"))
        {
            root = root.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("Warden")).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return document.WithSyntaxRoot(root);
    }

    private static (InvocationExpressionSyntax Original, ExpressionSyntax Replacement)? Rewrite(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, string tokenName, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(UnboundedFanOutAnalyzer.DirectSelectProperty)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax whenAll
            || whenAll.ArgumentList.Arguments.Count != 1
            || whenAll.ArgumentList.Arguments[0].Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select } selectCall
            || selectCall.ArgumentList.Arguments.Count != 1
            || model.GetSymbolInfo(selectCall, cancellationToken).Symbol is not IMethodSymbol selectMethod
            || selectMethod.TypeArguments.Length != 2 && selectMethod.ReducedFrom is null)
        {
            return null;
        }

        var elementType = selectMethod.TypeArguments[selectMethod.TypeArguments.Length - 1] as INamedTypeSymbol;
        var hasResult = elementType is { IsGenericType: true };
        var selectorSyntax = selectCall.ArgumentList.Arguments[0].Expression;
        var name = UnusedName(whenAll, selectorSyntax, tokenName);
        if (Selector(selectorSyntax, name) is not { } selector)
        {
            return null;
        }

        var arguments = new List<ArgumentSyntax>
        {
            SyntaxFactory.Argument(select.Expression.WithoutTrivia()),
            SyntaxFactory.Argument(SyntaxFactory.IdentifierName(LimitConstantName)),
            SyntaxFactory.Argument(selector),
        };
        if (TokenInScope(whenAll, model, cancellationToken) is { } token)
        {
            arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
        }

        var method = hasResult ? "SelectAsync" : "ForEachAsync";
        var replacement = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("TaskGroup"), SyntaxFactory.IdentifierName(method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
            .WithTriviaFrom(whenAll);
        return (whenAll, replacement);
    }

    // x => F(x) becomes async (x, ct) => await F(x); async x => ... keeps its body; a method group M becomes async (item, ct) => await M(item).
    private static ParenthesizedLambdaExpressionSyntax? Selector(ExpressionSyntax selector, string tokenName)
    {
        ParameterSyntax parameter;
        CSharpSyntaxNode body;
        bool isAsync;
        switch (selector)
        {
            case SimpleLambdaExpressionSyntax simple:
                (parameter, body, isAsync) = (simple.Parameter, simple.Body, simple.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword));
                break;
            case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized:
                (parameter, body, isAsync) = (parenthesized.ParameterList.Parameters[0], parenthesized.Body, parenthesized.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword));
                break;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier("item"));
                body = SyntaxFactory.InvocationExpression(selector.WithoutTrivia(), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName("item")))));
                isAsync = false;
                break;
            default:
                return null;
        }

        if (!isAsync)
        {
            if (body is not ExpressionSyntax expression)
            {
                return null;
            }

            body = SyntaxFactory.AwaitExpression(expression.WithoutTrivia());
        }

        return SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(new[] { parameter.WithoutTrivia(), SyntaxFactory.Parameter(SyntaxFactory.Identifier(tokenName)) })),
                body)
            .WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }

    // A lambda parameter may not reuse the name of a parameter or local around it, nor one used in its own body.
    private static string UnusedName(SyntaxNode scope, ExpressionSyntax selector, string preferred)
    {
        var used = selector.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText).ToList();
        foreach (var function in scope.Ancestors())
        {
            switch (function)
            {
                case BaseMethodDeclarationSyntax method:
                    used.AddRange(method.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
                    used.AddRange(method.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText));
                    break;
                case LocalFunctionStatementSyntax local:
                    used.AddRange(local.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
                    break;
                case ParenthesizedLambdaExpressionSyntax lambda:
                    used.AddRange(lambda.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
                    break;
                case SimpleLambdaExpressionSyntax lambda:
                    used.Add(lambda.Parameter.Identifier.ValueText);
                    break;
            }
        }

        var name = preferred;
        for (var i = 2; used.Contains(name); i++)
        {
            name = preferred + i;
        }

        return name;
    }

    private static string? TokenInScope(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var symbol = ancestor switch
            {
                AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol,
                LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax => model.GetDeclaredSymbol(ancestor, cancellationToken) as IMethodSymbol,
                _ => null,
            };
            var token = symbol?.Parameters.FirstOrDefault(p => p.Type.ToDisplayString() == "System.Threading.CancellationToken");
            if (token is not null)
            {
                return token.Name;
            }
        }

        return null;
    }

    private static bool HasMember(TypeDeclarationSyntax type, string name) =>
        type.Members.OfType<FieldDeclarationSyntax>().Any(field => field.Declaration.Variables.Any(v => v.Identifier.ValueText == name))
        || type.Members.OfType<PropertyDeclarationSyntax>().Any(property => property.Identifier.ValueText == name);

    private static bool InWardenNamespace(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(ns => ns.Name.ToString() == "Warden" || ns.Name.ToString().StartsWith("Warden.", System.StringComparison.Ordinal));

    private static FieldDeclarationSyntax LimitConstant() =>
        ((FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            "// How many calls may run at once: choose what the downstream service can take.\n" +
            $"private const int {LimitConstantName} = 8;\n")!)
        .WithAdditionalAnnotations(Formatter.Annotation);
}
