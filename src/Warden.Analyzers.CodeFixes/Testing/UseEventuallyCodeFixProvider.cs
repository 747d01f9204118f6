using System.Linq;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Warden.Analyzers.Testing;

namespace Warden.Analyzers.CodeFixes.Testing;

/// <summary>
/// Fix for WD701, offered when Warden.Testing is referenced and the condition the test waits for is visible:
/// a polling loop <c>while (!done) await Task.Delay(50);</c>, or a sleep followed by <c>Assert.True(cond)</c> /
/// <c>Assert.IsTrue(cond)</c> / <c>Assert.False(cond)</c> / <c>Assert.IsFalse(cond)</c>. Either becomes
/// <c>await Eventually.UntilAsync(() =&gt; cond, TimeSpan.FromSeconds(30));</c>; a sync test becomes <c>async Task</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseEventuallyCodeFixProvider)), Shared]
public sealed class UseEventuallyCodeFixProvider : RuleCodeFixProvider
{
    private const string EquivalenceKey = "WD701.Eventually";

    /// <summary>Creates the provider.</summary>
    public UseEventuallyCodeFixProvider()
        : base(SleepingTestAnalyzer.Rule.Id)
    {
    }

    private protected override async Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.Compilation.GetTypeByMetadataName("Warden.Testing.Eventually") is null || Plan(root, diagnostic.Location.SourceSpan) is not { } plan)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Wait for the condition with Eventually", _ => Task.FromResult(Fix(context.Document, root, plan.Replaced, plan.Condition)), EquivalenceKey),
            diagnostic);
    }

    private static Document Fix(Document document, SyntaxNode root, StatementSyntax replaced, string condition)
    {
        var method = replaced.FirstAncestorOrSelf<MethodDeclarationSyntax>()!;
        var wait = (StatementSyntax)SyntaxFactory.ParseStatement(
                $"await Eventually.UntilAsync(() => {condition}, System.TimeSpan.FromSeconds(30));")
            .WithTriviaFrom(replaced)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        var updated = method.ReplaceNode(replaced, wait);
        if (!updated.Modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            updated = updated
                .WithModifiers(updated.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithReturnType(SyntaxFactory.ParseTypeName("System.Threading.Tasks.Task").WithTriviaFrom(updated.ReturnType).WithAdditionalAnnotations(Simplifier.Annotation));
        }

        var newRoot = (CompilationUnitSyntax)root.ReplaceNode(method, updated);
        if (!newRoot.Usings.Any(u => u.Name?.ToString() == "Warden.Testing"))
        {
            newRoot = newRoot.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("Warden.Testing")).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    // The statement to replace and the condition the test is waiting for, or null when the code does not show it.
    private static (StatementSyntax Replaced, string Condition)? Plan(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var statement = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
        if (statement is null || statement.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { ReturnType: var returnType } method
            || !(method.Modifiers.Any(SyntaxKind.AsyncKeyword) || returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }))
        {
            return null;
        }

        // while (!done) await Task.Delay(50);  or  while (!done) { await Task.Delay(50); }
        var loop = statement.Parent as WhileStatementSyntax ?? (statement.Parent is BlockSyntax { Statements.Count: 1, Parent: WhileStatementSyntax inBlock } ? inBlock : null);
        if (loop is not null)
        {
            return (loop, Negate(loop.Condition));
        }

        if (statement.Parent is not BlockSyntax block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(statement);
        if (index + 1 >= block.Statements.Count
            || block.Statements[index + 1] is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } assertion }
            || access.Expression is not (IdentifierNameSyntax { Identifier.ValueText: "Assert" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assert" })
            || assertion.ArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        var argument = assertion.ArgumentList.Arguments[0].Expression.WithoutTrivia();
        return access.Name.Identifier.ValueText switch
        {
            "True" or "IsTrue" => (statement, argument.ToString()),
            "False" or "IsFalse" => (statement, Negate(argument)),
            _ => null,
        };
    }

    private static string Negate(ExpressionSyntax condition) => condition switch
    {
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => not.Operand.WithoutTrivia().ToString(),
        IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax => "!" + condition.WithoutTrivia(),
        _ => "!(" + condition.WithoutTrivia() + ")",
    };
}
