using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Libraries;

/// <summary>
/// WD401: calls in async code to APIs that are async in name only: Microsoft.Data.Sqlite's ADO.NET async methods,
/// <c>Console.In</c>'s async reads, the async methods of Stream types that do not override them (the Stream
/// defaults run the synchronous method), and the APIs listed in <c>warden.WD401.additional_apis</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncApiThatBlocksAnalyzer : WardenAnalyzer
{
    /// <summary>The option listing extra async-in-name-only APIs (types or Type.Member, comma separated).</summary>
    public const string AdditionalApisOption = "warden.WD401.additional_apis";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.AsyncApiThatBlocks,
        title: "Async API that blocks",
        messageFormat: "'{0}' runs synchronously despite its name: {1}; offload it (Task.Run / Offload.RunAsync) or use a truly async library",
        DiagnosticCategories.Libraries,
        DiagnosticSeverity.Warning,
        description: "Some Task-returning APIs do all their work on the calling thread before returning a completed task. Awaiting them blocks the async path exactly like the sync call would.");

    private static readonly string[] s_sqliteTypes =
    [
        "Microsoft.Data.Sqlite.SqliteConnection",
        "Microsoft.Data.Sqlite.SqliteCommand",
        "Microsoft.Data.Sqlite.SqliteDataReader",
        "Microsoft.Data.Sqlite.SqliteTransaction",
        "Microsoft.Data.Sqlite.SqliteBlob",
    ];

    /// <summary>Creates the analyzer.</summary>
    public AsyncApiThatBlocksAnalyzer()
        : base(Rule)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var types = WellKnownTypes.Create(start.Compilation);
        var sqlite = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in s_sqliteTypes)
        {
            if (start.Compilation.GetTypeByMetadataName(name) is { } type)
            {
                sqlite.Add(type);
            }
        }

        var state = new State(types, sqlite.ToImmutable(), new ApiListOption(AdditionalApisOption, start.Compilation, start.Options));
        start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
    }

    private sealed class State
    {
        private readonly WellKnownTypes _types;
        private readonly ImmutableArray<INamedTypeSymbol> _sqliteTypes;
        private readonly ApiListOption _additionalApis;

        public State(WellKnownTypes types, ImmutableArray<INamedTypeSymbol> sqliteTypes, ApiListOption additionalApis)
        {
            _types = types;
            _sqliteTypes = sqliteTypes;
            _additionalApis = additionalApis;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!_types.IsAwaitable(method.ReturnType))
            {
                return;
            }

            var reason = Reason(invocation, method);
            if (reason is null)
            {
                return;
            }

            var function = ContainingFunction.Of(invocation, context.ContainingSymbol);
            if (!function.IsAsync || Offload.IsOffloadedLambda(function.Operation))
            {
                return;
            }

            var receiver = invocation.Instance?.Type?.Name ?? method.ContainingType.Name;
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), receiver + "." + method.Name, reason));
        }

        private string? Reason(IInvocationOperation invocation, IMethodSymbol method)
        {
            var receiverType = invocation.Instance?.Type;
            if (method.Name.EndsWith("Async", System.StringComparison.Ordinal) && method.Name != "DisposeAsync")
            {
                if (IsSqlite(receiverType) || IsSqlite(method.ContainingType))
                {
                    return "Microsoft.Data.Sqlite implements the ADO.NET async methods synchronously";
                }

                if (invocation.Instance is IPropertyReferenceOperation { Property: { Name: "In", ContainingType: { Name: "Console", ContainingNamespace.Name: "System" } } })
                {
                    return "Console.In is a synchronized reader whose async reads block";
                }

                if (IsStreamDefault(receiverType, method))
                {
                    return "'" + receiverType!.Name + "' does not override Stream." + method.Name + ", whose default runs the synchronous method";
                }
            }

            return _additionalApis.For(invocation.Syntax.SyntaxTree).Contains(method, receiverType)
                ? "it is listed in " + AdditionalApisOption
                : null;
        }

        private bool IsSqlite(ITypeSymbol? type)
        {
            foreach (var sqlite in _sqliteTypes)
            {
                if (WellKnownTypes.InheritsFromOrEquals(type, sqlite))
                {
                    return true;
                }
            }

            return false;
        }

        // `custom.ReadAsync(...)` where Custom derives from Stream and neither it nor a base below Stream overrides the method.
        private bool IsStreamDefault(ITypeSymbol? receiverType, IMethodSymbol method)
        {
            if (_types.Stream is not { } stream
                || method.Name is not ("ReadAsync" or "WriteAsync" or "FlushAsync")
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, stream)
                || receiverType is not INamedTypeSymbol { IsAbstract: false } concrete
                || SymbolEqualityComparer.Default.Equals(concrete, stream)
                || !WellKnownTypes.InheritsFromOrEquals(concrete, stream))
            {
                return false;
            }

            // The non-virtual conveniences (FlushAsync(), ReadAsync(byte[], int, int)) call the virtual overload with a
            // token, and the Memory overloads delegate to the array ones: any override of the name makes them async.
            var anyOverload = !method.IsVirtual
                || (method.Parameters.Length > 0 && method.Parameters[0].Type.Name is "Memory" or "ReadOnlyMemory");
            for (var type = concrete; type is not null && !SymbolEqualityComparer.Default.Equals(type, stream); type = type.BaseType)
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol { IsOverride: true } candidate && (anyOverload || Overrides(candidate, method)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
        {
            for (var current = candidate.OverriddenMethod; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
