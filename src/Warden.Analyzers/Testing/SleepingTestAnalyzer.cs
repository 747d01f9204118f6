using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Testing;

/// <summary>
/// WD701: a test that sleeps to wait for an effect: <c>Thread.Sleep(...)</c> or <c>await Task.Delay(...)</c> as a
/// statement of the test method itself (polling loops included). A delay that is part of the code under test
/// stays quiet: one used as a value (a fake's behaviour, an argument, a lambda body) or one driven by a
/// <c>TimeProvider</c> (a fake clock).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SleepingTestAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.SleepingTest,
        title: "Sleeping test",
        messageFormat: "Test '{0}' waits with '{1}': too short on a busy machine, too long everywhere else; wait for the state instead (Eventually.UntilAsync, a TaskCompletionSource)",
        DiagnosticCategories.Testing,
        DiagnosticSeverity.Warning,
        description: "A sleep guesses how long an effect takes. On a loaded CI machine the guess is wrong and the test flakes; on a fast one it wastes time.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var tests = TestFrameworks.Create(start.Compilation);
            var thread = start.Compilation.GetTypeByMetadataName("System.Threading.Thread");
            var task = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            var timeProvider = start.Compilation.GetTypeByMetadataName("System.TimeProvider");
            if (!tests.Any || thread is null || task is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operation => AnalyzeInvocation(operation, tests, thread, task, timeProvider),
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TestFrameworks tests, INamedTypeSymbol thread, INamedTypeSymbol task, INamedTypeSymbol? timeProvider)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isSleep = method.Name == "Sleep" && SymbolEqualityComparer.Default.Equals(method.ContainingType, thread);
        var isDelay = method.Name == "Delay" && SymbolEqualityComparer.Default.Equals(method.ContainingType, task);
        if ((!isSleep && !isDelay) || context.ContainingSymbol is not IMethodSymbol test || !tests.IsTestMethod(test)
            || UsesTimeProvider(invocation, timeProvider) || !IsWaitStatement(invocation))
        {
            return;
        }

        var name = isSleep ? "Thread.Sleep" : "Task.Delay";
        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), test.Name, name));
    }

    // `Thread.Sleep(x);` or `await Task.Delay(x);` (ConfigureAwait allowed) as a statement of the test body, not of a lambda.
    private static bool IsWaitStatement(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        if (current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure)
        {
            current = configure;
        }

        if (current.Parent is IAwaitOperation awaited)
        {
            current = awaited;
        }

        if (current.Parent is not IExpressionStatementOperation statement)
        {
            return false;
        }

        for (var parent = statement.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    private static bool UsesTimeProvider(IInvocationOperation invocation, INamedTypeSymbol? timeProvider)
    {
        if (timeProvider is null)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            for (var type = argument.Value.Type; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, timeProvider))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
