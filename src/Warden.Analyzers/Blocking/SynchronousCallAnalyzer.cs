using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Blocking;

/// <summary>
/// WD203: a call inside async code to a synchronous method that has an awaitable counterpart taking the same
/// arguments (File, Stream, TextReader/Writer, HttpClient.Send, WebClient, ADO.NET, sockets, any Xxx/XxxAsync
/// pair), plus the APIs listed in <c>warden.WD203.blocking_apis</c>. In-memory types, Console, test assertions,
/// offloaded lambdas, lock bodies and <c>warden.WD203.excluded_apis</c> are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SynchronousCallAnalyzer : WardenAnalyzer
{
    /// <summary>The option listing extra blocking APIs (types or Type.Member, comma separated).</summary>
    public const string BlockingApisOption = "warden.WD203.blocking_apis";

    /// <summary>The option listing APIs never to report (types or Type.Member, comma separated).</summary>
    public const string ExcludedApisOption = "warden.WD203.excluded_apis";

    /// <summary>Diagnostic property: the counterpart's name (absent for listed APIs without one).</summary>
    internal const string CounterpartProperty = "Counterpart";

    /// <summary>Diagnostic property: "True" when the counterpart takes the same arguments, so the fix can reuse them.</summary>
    internal const string SameParametersProperty = "SameParameters";

    /// <summary>Diagnostic property: "True" when the counterpart accepts a trailing CancellationToken.</summary>
    internal const string AcceptsTokenProperty = "AcceptsToken";

    /// <summary>Diagnostic property: the name of the counterpart's CancellationToken parameter, when it has one.</summary>
    internal const string TokenParameterProperty = "TokenParameter";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.SynchronousCall,
        title: "Synchronous I/O in async code",
        messageFormat: "'{0}' blocks inside async code; {1}",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        description: "A synchronous call that waits on I/O holds a thread-pool thread for the whole wait. When an awaitable counterpart exists, await it and pass the token in scope.");

    // Types whose "I/O" is memory or a console, and test frameworks whose sync asserts have unrelated async twins.
    private const string BuiltInExclusions =
        "System.IO.MemoryStream, System.IO.UnmanagedMemoryStream, System.IO.StringReader, System.IO.StringWriter, "
        + "System.Console, System.Threading.CancellationTokenSource.Cancel";

    private static readonly string[] s_testFrameworkNamespaces =
        ["Xunit", "NUnit", "Microsoft.VisualStudio.TestTools", "TUnit", "FluentAssertions", "Shouldly", "AwesomeAssertions"];

    /// <summary>Creates the analyzer.</summary>
    public SynchronousCallAnalyzer()
        : base(Rule)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var types = WellKnownTypes.Create(start.Compilation);
        var state = new State(
            types,
            new AsyncCounterpartFinder(types),
            ApiList.Parse(BuiltInExclusions, start.Compilation),
            new ApiListOption(BlockingApisOption, start.Compilation, start.Options),
            new ApiListOption(ExcludedApisOption, start.Compilation, start.Options));
        start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
    }

    private sealed class State
    {
        private readonly WellKnownTypes _types;
        private readonly AsyncCounterpartFinder _counterparts;
        private readonly ApiList _builtInExclusions;
        private readonly ApiListOption _blockingApis;
        private readonly ApiListOption _excludedApis;

        public State(WellKnownTypes types, AsyncCounterpartFinder counterparts, ApiList builtInExclusions, ApiListOption blockingApis, ApiListOption excludedApis)
        {
            _types = types;
            _counterparts = counterparts;
            _builtInExclusions = builtInExclusions;
            _blockingApis = blockingApis;
            _excludedApis = excludedApis;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            // Dispose has a DisposeAsync twin on many types; `await using` is the place to fix that, not every call.
            if (method.MethodKind != MethodKind.Ordinary || method.Name == "Dispose" || _types.IsAwaitable(method.ReturnType))
            {
                return;
            }

            var function = ContainingFunction.Of(invocation, context.ContainingSymbol);
            if (!function.IsAsync || function.InsideLock || Offload.IsOffloadedLambda(function.Operation))
            {
                return;
            }

            // Task.Wait, SemaphoreSlim.Wait and friends have WaitAsync twins, but they are WD201's findings.
            if (BlockingWait.Classify(invocation, _types, out _) != BlockingWaitKind.None
                || IsWriterAbstraction(invocation.Instance, method))
            {
                return;
            }

            var counterpart = _counterparts.For(method);
            var tree = invocation.Syntax.SyntaxTree;
            var receiverType = invocation.Instance?.Type;
            if (counterpart is null && !_blockingApis.For(tree).Contains(method, receiverType))
            {
                return;
            }

            if (_builtInExclusions.Contains(method, receiverType)
                || _excludedApis.For(tree).Contains(method, receiverType)
                || IsConsoleStream(invocation.Instance)
                || IsTestFramework(method.ContainingType))
            {
                return;
            }

            if (counterpart is not null && IsSyncHalfOfDualPath(invocation, counterpart.Method))
            {
                return;
            }

            var display = method.ContainingType.Name + "." + method.Name;
            if (counterpart is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), display, "it is listed as blocking; use an async API or offload it"));
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(CounterpartProperty, counterpart.Method.Name)
                .Add(SameParametersProperty, counterpart.SameParameters ? "True" : "False")
                .Add(AcceptsTokenProperty, counterpart.AcceptsCancellationToken ? "True" : "False");
            if (counterpart.AcceptsCancellationToken)
            {
                var parameters = counterpart.Method.Parameters;
                properties = properties.Add(TokenParameterProperty, parameters[parameters.Length - 1].Name);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                properties,
                display,
                "await '" + counterpart.Method.Name + "' instead"));
        }

        /// <summary>
        /// The sync/async twin pattern (<c>async ? await reader.ReadAsync(ct) : reader.Read()</c>, or the same as an
        /// <c>if</c>): the call sits in one branch of a condition whose other branch awaits its async counterpart, so
        /// the code already takes the async path when it runs asynchronously (Npgsql's own sources use it throughout).
        /// </summary>
        private static bool IsSyncHalfOfDualPath(IInvocationOperation invocation, IMethodSymbol counterpart)
        {
            IOperation child = invocation;
            for (var parent = invocation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
                {
                    return false;
                }

                if (parent is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition))
                {
                    var other = ReferenceEquals(child, conditional.WhenTrue) ? conditional.WhenFalse : conditional.WhenTrue;
                    if (other is not null && AwaitsCall(other, counterpart))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool AwaitsCall(IOperation branch, IMethodSymbol counterpart)
        {
            foreach (var operation in branch.DescendantsAndSelf())
            {
                if (operation is IAwaitOperation awaited
                    && awaited.Operation.DescendantsAndSelf().OfType<IInvocationOperation>()
                        .Any(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, counterpart.OriginalDefinition)))
                {
                    return true;
                }
            }

            return false;
        }

        // Writes through a plain TextWriter (a `TextWriter _log` or `_console` field) go to a console, a log or a
        // StringWriter far more often than to a file; StreamWriter receivers are still reported.
        private static bool IsWriterAbstraction(IOperation? instance, IMethodSymbol method) =>
            method.Name is "Write" or "WriteLine" or "Flush"
            && instance?.Type is { Name: "TextWriter", ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } };

        // Console.Out.WriteLine / Console.In.ReadLine: the receiver is a property of System.Console.
        private static bool IsConsoleStream(IOperation? instance) =>
            instance is IPropertyReferenceOperation { Property.ContainingType: { Name: "Console", ContainingNamespace.Name: "System" } };

        private static bool IsTestFramework(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            if (ns is null || ns.IsGlobalNamespace)
            {
                return false;
            }

            var name = ns.ToDisplayString();
            foreach (var prefix in s_testFrameworkNamespaces)
            {
                if (name.StartsWith(prefix, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
