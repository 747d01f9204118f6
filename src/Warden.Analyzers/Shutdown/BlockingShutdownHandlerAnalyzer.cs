using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Shutdown;

/// <summary>
/// WD802: a shutdown callback that blocks or hides async work: <c>IHostApplicationLifetime.ApplicationStopping</c>
/// / <c>ApplicationStopped</c> registrations, <c>Console.CancelKeyPress</c>, <c>PosixSignalRegistration.Create</c>,
/// <c>AppDomain.ProcessExit</c> and <c>AssemblyLoadContext.Unloading</c> handlers. Blocking there (Wait, Result,
/// GetResult, Sleep, Join, WaitOne…) stalls the whole shutdown; an async handler is not awaited, so its work is
/// cut off. Handlers that set a flag or cancel a source and return stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingShutdownHandlerAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.BlockingShutdownHandler,
        title: "Blocking shutdown handler",
        messageFormat: "The {0} handler {1}; signal (cancel a token, set a flag) and return, and let the shutdown sequence do the work",
        DiagnosticCategories.Shutdown,
        DiagnosticSeverity.Warning,
        description: "Shutdown callbacks run on the thread that is trying to stop the process. Blocking there stalls every other stop step; async work there is not awaited and dies with the process.");

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
            var console = compilation.GetTypeByMetadataName("System.Console");
            var appDomain = compilation.GetTypeByMetadataName("System.AppDomain");
            var loadContext = compilation.GetTypeByMetadataName("System.Runtime.Loader.AssemblyLoadContext");
            var posix = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.PosixSignalRegistration");
            var token = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");

            start.RegisterOperationAction(
                operation =>
                {
                    var assignment = (IEventAssignmentOperation)operation.Operation;
                    if (!assignment.Adds || assignment.EventReference is not IEventReferenceOperation eventReference)
                    {
                        return;
                    }

                    var handlerKind = eventReference.Event.Name switch
                    {
                        "CancelKeyPress" when Same(eventReference.Event.ContainingType, console) => "Console.CancelKeyPress",
                        "ProcessExit" when Same(eventReference.Event.ContainingType, appDomain) => "AppDomain.ProcessExit",
                        "Unloading" when Same(eventReference.Event.ContainingType, loadContext) => "AssemblyLoadContext.Unloading",
                        _ => null,
                    };
                    if (handlerKind is not null)
                    {
                        AnalyzeHandler(operation, assignment.HandlerValue, handlerKind);
                    }
                },
                OperationKind.EventAssignment);

            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name == "Create" && Same(method.ContainingType, posix) && invocation.Arguments.Length == 2)
                    {
                        AnalyzeHandler(operation, invocation.Arguments[1].Value, "PosixSignalRegistration");
                    }
                    else if (method.Name is "Register" or "UnsafeRegister" && Same(method.ContainingType, token) && invocation.Arguments.Length > 0
                        && Strip(invocation.Instance) is IPropertyReferenceOperation { Property.Name: "ApplicationStopping" or "ApplicationStopped" } lifetime)
                    {
                        AnalyzeHandler(operation, invocation.Arguments[0].Value, lifetime.Property.Name);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeHandler(OperationAnalysisContext context, IOperation handler, string handlerKind)
    {
        if (Strip(handler) is not IDelegateCreationOperation creation)
        {
            return;
        }

        IOperation? body = null;
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                if (lambda.Symbol.IsAsync)
                {
                    var location = lambda.Syntax is AnonymousFunctionExpressionSyntax function ? function.AsyncKeyword.GetLocation() : lambda.Syntax.GetLocation();
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, handlerKind, "is async and nobody awaits it, so its work is cut off at exit"));
                    return;
                }

                body = lambda.Body;
                break;
            case IMethodReferenceOperation reference:
                body = BodyInSameTree(reference, context.Operation.SemanticModel);
                if (reference.Method.IsAsync && body is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), handlerKind, $"'{reference.Method.Name}' is async and nobody awaits it, so its work is cut off at exit"));
                    return;
                }

                break;
        }

        if (body is null)
        {
            return;
        }

        foreach (var operation in body.Descendants())
        {
            if (BlockingMember(operation) is { } member && !InNestedFunction(operation, body))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), handlerKind, $"blocks in '{member}'"));
            }
        }
    }

    private static IOperation? BodyInSameTree(IMethodReferenceOperation reference, SemanticModel? model)
    {
        if (model is null)
        {
            return null;
        }

        foreach (var declaration in reference.Method.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree == model.SyntaxTree && declaration.GetSyntax() is BaseMethodDeclarationSyntax method
                && (method.Body ?? (SyntaxNode?)method.ExpressionBody) is { } body)
            {
                return model.GetOperation(body);
            }

            if (declaration.SyntaxTree == model.SyntaxTree && declaration.GetSyntax() is LocalFunctionStatementSyntax local
                && (local.Body ?? (SyntaxNode?)local.ExpressionBody) is { } localBody)
            {
                return model.GetOperation(localBody);
            }
        }

        return null;
    }

    // The calls that park the calling thread until something else happens.
    private static string? BlockingMember(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Result" } result when IsTaskType(result.Property.ContainingType):
                return "Result";
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var type = method.ContainingType;
                var blocks = method.Name switch
                {
                    "Wait" => IsTaskType(type) || type.Name is "SemaphoreSlim" or "ManualResetEventSlim" or "CountdownEvent" or "Monitor",
                    "WaitAll" or "WaitAny" => IsTaskType(type) || DerivesFrom(type, "WaitHandle"),
                    "GetResult" => type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal),
                    "Sleep" or "Join" => type.Name == "Thread",
                    "WaitOne" => DerivesFrom(type, "WaitHandle"),
                    "SignalAndWait" => type.Name is "Barrier" or "WaitHandle",
                    "SpinUntil" => type.Name == "SpinWait",
                    "WaitForExit" => type.Name == "Process",
                    _ => false,
                };
                return blocks ? method.Name : null;
            case IInvalidOperation { Syntax: InvocationExpressionSyntax call }:
                return UnresolvedBlockingMember(call);
            default:
                return null;
        }
    }

    // A call on a type that did not resolve (an unrestored package, say) has no symbol to check. Two shapes still
    // say what they do by their names alone: `x.GetAwaiter().GetResult()` and `x.Wait(...)` park the thread whatever
    // x is, and a shutdown handler is where that costs most (the precision sample missed four such handlers).
    private static string? UnresolvedBlockingMember(InvocationExpressionSyntax call)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } member)
        {
            return null;
        }

        return name switch
        {
            "Wait" => name,
            "GetResult" when member.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } } => name,
            _ => null,
        };
    }

    private static bool IsTaskType(INamedTypeSymbol? type) =>
        type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };

    private static bool DerivesFrom(INamedTypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InNestedFunction(IOperation operation, IOperation body)
    {
        for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(ISymbol? a, ISymbol? b) => b is not null && SymbolEqualityComparer.Default.Equals(a, b);

    private static IOperation? Strip(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
