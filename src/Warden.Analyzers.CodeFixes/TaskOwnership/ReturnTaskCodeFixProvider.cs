using System.Linq;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Simplification;
using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Testing;

namespace Warden.Analyzers.CodeFixes.TaskOwnership;

/// <summary>
/// Fix for WD302 and WD702: <c>async void M()</c> becomes <c>async Task M()</c>. Not offered when the method is
/// used as a delegate (a method group) somewhere, because the new signature would not fit that delegate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFixProvider)), Shared]
public sealed class ReturnTaskCodeFixProvider : RuleCodeFixProvider
{
    private const string EquivalenceKey = "WD302.ReturnTask";

    /// <summary>Creates the provider.</summary>
    public ReturnTaskCodeFixProvider()
        : base(AsyncVoidAnalyzer.Rule.Id, AsyncVoidTestAnalyzer.Rule.Id)
    {
    }

    private protected override async Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        var declaration = token.Parent?.AncestorsAndSelf().FirstOrDefault(node => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax);
        var returnType = declaration switch
        {
            MethodDeclarationSyntax method when method.Identifier == token => method.ReturnType,
            LocalFunctionStatementSyntax local when local.Identifier == token => local.ReturnType,
            _ => null,
        };
        if (returnType is null || !returnType.IsKind(SyntaxKind.PredefinedType) || await IsUsedAsDelegateAsync(context.Document, declaration!, context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Return Task", _ => Task.FromResult(ReturnTask(context.Document, root, returnType)), EquivalenceKey),
            diagnostic);
    }

    private static async Task<bool> IsUsedAsDelegateAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method)
        {
            return true;
        }

        var references = await SymbolFinder.FindReferencesAsync(method, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(reference => reference.Locations))
        {
            var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            var callee = node?.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
            if (callee?.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee)
            {
                return true;
            }
        }

        return false;
    }

    private static Document ReturnTask(Document document, SyntaxNode root, TypeSyntax returnType)
    {
        var task = SyntaxFactory.ParseTypeName("System.Threading.Tasks.Task")
            .WithTriviaFrom(returnType)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(returnType, task));
    }
}
