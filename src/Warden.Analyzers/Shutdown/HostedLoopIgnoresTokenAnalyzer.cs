using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Shutdown;

/// <summary>
/// WD801: a loop in <c>BackgroundService.ExecuteAsync</c> or <c>IHostedService.StopAsync</c> that never observes
/// the method's token (no check of <c>IsCancellationRequested</c>, no token passed to anything it awaits), or an
/// <c>ExecuteAsync</c> or <c>StopAsync</c> (implicit, explicit or override) that awaits work but ignores its token.
/// Such a service keeps running after the host asked it to stop, until the host's shutdown timeout kills it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HostedLoopIgnoresTokenAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.HostedLoopIgnoresStoppingToken,
        title: "Hosted loop ignores stopping token",
        messageFormat: "{0} never observes '{1}', so stopping the host cannot end it; check '{1}.IsCancellationRequested', pass '{1}' to what it awaits, or bound a call that takes no token with '.WaitAsync({1})'",
        DiagnosticCategories.Shutdown,
        DiagnosticSeverity.Warning,
        description: "The host signals shutdown only through the token; a loop or a stop routine that ignores it runs until the host's timeout abandons it mid-work.");

    /// <summary>Diagnostic property: the token parameter's name.</summary>
    public const string TokenProperty = "Token";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var hosting = HostingTypes.Create(start.Compilation);
            if (hosting.HostedService is null || hosting.Token is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, hosting, hosting.Token));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, HostingTypes hosting, INamedTypeSymbol tokenType)
    {
        if (context.OwningSymbol is not IMethodSymbol method || method.Parameters.Length != 1
            || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, tokenType))
        {
            return;
        }

        // The contract's name, also for an explicit `IHostedService.StopAsync` whose symbol name is qualified.
        string name;
        if (hosting.IsExecuteAsync(method))
        {
            name = "ExecuteAsync";
        }
        else if (hosting.IsStopAsync(method))
        {
            name = "StopAsync";
        }
        else
        {
            return;
        }

        var token = method.Parameters[0];
        var properties = ImmutableDictionary<string, string?>.Empty.Add(TokenProperty, token.Name);
        foreach (var root in context.OperationBlocks)
        {
            if (root.Kind is not (OperationKind.Block or OperationKind.MethodBody))
            {
                continue;
            }

            if (!Observes(root, token, tokenType))
            {
                if (DoesAsyncWork(root))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, method.Locations[0], name, token.Name));
                }

                continue;
            }

            // A drain loop in StopAsync that ignores the token keeps the host waiting after its shutdown timeout
            // fired, just as a worker loop in ExecuteAsync keeps running after the stop.
            ReportLoops(context, root, name, token, tokenType, properties);
        }
    }

    private static void ReportLoops(OperationBlockAnalysisContext context, IOperation root, string name, IParameterSymbol token, INamedTypeSymbol tokenType, ImmutableDictionary<string, string?> properties)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is not ILoopOperation loop || Observes(loop, token, tokenType))
            {
                continue;
            }

            var endless = IsEndless(loop);
            var insideObservingLoop = InsideObservingLoop(loop, token, tokenType);
            if ((insideObservingLoop && !endless) || (!endless && !ContainsAwait(loop)) || loop is IForEachLoopOperation { IsAsynchronous: false })
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, LoopKeyword(loop.Syntax), properties, "The loop in " + name, token.Name));
        }
    }

    private static bool IsEndless(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation { Condition: null } => true,
        IWhileLoopOperation { Condition.ConstantValue: { HasValue: true, Value: true } } => true,
        IForLoopOperation { Condition: null } => true,
        IForLoopOperation { Condition.ConstantValue: { HasValue: true, Value: true } } => true,
        IForEachLoopOperation { IsAsynchronous: true } => true,
        _ => false,
    };

    private static bool InsideObservingLoop(IOperation loop, IParameterSymbol token, INamedTypeSymbol tokenType)
    {
        for (var parent = loop.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILoopOperation outer && Observes(outer, token, tokenType))
            {
                return true;
            }
        }

        return false;
    }

    // Any use of a real token counts: the parameter itself, a linked token, or an IsCancellationRequested check.
    private static bool Observes(IOperation code, IParameterSymbol token, INamedTypeSymbol tokenType)
    {
        foreach (var operation in code.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, token):
                    return true;
                case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" }:
                    return true;
                case IArgumentOperation argument when !argument.IsImplicit
                    && SymbolEqualityComparer.Default.Equals(argument.Value.Type, tokenType)
                    && !CancellationScope.IsNoToken(argument.Value, tokenType):
                    return true;
            }
        }

        return false;
    }

    private static bool ContainsAwait(IOperation code)
    {
        foreach (var operation in code.Descendants())
        {
            if (operation is IAwaitOperation || (operation is IForEachLoopOperation { IsAsynchronous: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DoesAsyncWork(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IAwaitOperation or ILoopOperation
                || (operation is IReturnOperation { ReturnedValue: IInvocationOperation }))
            {
                return true;
            }
        }

        return false;
    }

    private static Location LoopKeyword(SyntaxNode syntax) => syntax switch
    {
        WhileStatementSyntax @while => @while.WhileKeyword.GetLocation(),
        DoStatementSyntax @do => @do.DoKeyword.GetLocation(),
        ForStatementSyntax @for => @for.ForKeyword.GetLocation(),
        CommonForEachStatementSyntax forEach => forEach.ForEachKeyword.GetLocation(),
        _ => syntax.GetLocation(),
    };
}
