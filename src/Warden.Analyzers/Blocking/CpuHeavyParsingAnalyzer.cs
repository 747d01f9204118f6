using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Blocking;

/// <summary>
/// WD204: a CPU-heavy parser (<c>JsonSerializer.Deserialize(string)</c>, <c>JsonDocument.Parse</c>, ... and
/// <c>warden.WD204.cpu_heavy_apis</c>) run in async code on a whole payload that was just read as a string
/// (<c>ReadAsStringAsync</c>, <c>GetStringAsync</c>, <c>ReadToEndAsync</c>). Constant inputs are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CpuHeavyParsingAnalyzer : WardenAnalyzer
{
    /// <summary>The option listing extra CPU-heavy APIs (types or Type.Member, comma separated).</summary>
    public const string CpuHeavyApisOption = "warden.WD204.cpu_heavy_apis";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.CpuHeavyParsing,
        title: "CPU-heavy parsing on an async path",
        messageFormat: "'{0}' parses the whole payload read by '{1}' on the request thread; deserialize from the stream instead (ReadFromJsonAsync / DeserializeAsync)",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        description: "Reading a body into a string and then parsing it runs the whole parse synchronously on a pool thread after buffering the entire payload. Deserializing from the stream parses incrementally as the bytes arrive and avoids the large string.");

    private const string BuiltInApis =
        "System.Text.Json.JsonSerializer.Deserialize, System.Text.Json.JsonDocument.Parse, System.Text.Json.Nodes.JsonNode.Parse, "
        + "Newtonsoft.Json.JsonConvert.DeserializeObject, Newtonsoft.Json.Linq.JToken.Parse, Newtonsoft.Json.Linq.JObject.Parse, "
        + "Newtonsoft.Json.Linq.JArray.Parse, System.Xml.Linq.XDocument.Parse, System.Xml.Linq.XElement.Parse";

    /// <summary>Creates the analyzer.</summary>
    public CpuHeavyParsingAnalyzer()
        : base(Rule)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var builtIn = ApiList.Parse(BuiltInApis, start.Compilation);
        var extra = new ApiListOption(CpuHeavyApisOption, start.Compilation, start.Options);
        var stringType = start.Compilation.GetSpecialType(SpecialType.System_String);
        start.RegisterOperationAction(operationContext => Analyze(operationContext, builtIn, extra, stringType), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, ApiList builtIn, ApiListOption extra, INamedTypeSymbol stringType)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.Arguments.Length == 0
            || !invocation.TargetMethod.IsStatic
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.Parameters[0].Type, stringType))
        {
            return;
        }

        var method = invocation.TargetMethod;
        if (!builtIn.Contains(method, null) && !extra.For(invocation.Syntax.SyntaxTree).Contains(method, null))
        {
            return;
        }

        if (!ContainingFunction.IsInAsyncCode(invocation, context.ContainingSymbol))
        {
            return;
        }

        var payload = FirstArgument(invocation);
        if (payload is null || payload.ConstantValue.HasValue || PayloadSource(payload) is not { } source)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, source));
    }

    private static IOperation? FirstArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                var value = argument.Value;
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }

                return value;
            }
        }

        return null;
    }

    // The name of the whole-body read the payload comes from: `await x.ReadAsStringAsync()` directly, or a local
    // initialized with it.
    private static string? PayloadSource(IOperation payload)
    {
        switch (payload)
        {
            case IAwaitOperation awaited:
                return BodyRead(awaited.Operation);
            case ILocalReferenceOperation local:
                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: AwaitExpressionSyntax awaitSyntax }
                        && payload.SemanticModel is { } model
                        && model.SyntaxTree == awaitSyntax.SyntaxTree
                        && model.GetOperation(awaitSyntax) is IAwaitOperation awaitOperation)
                    {
                        return BodyRead(awaitOperation.Operation);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? BodyRead(IOperation awaited)
    {
        while (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } inner })
        {
            awaited = inner;
        }

        return awaited is IInvocationOperation { TargetMethod.Name: "ReadAsStringAsync" or "GetStringAsync" or "ReadToEndAsync" } read
            ? read.TargetMethod.Name
            : null;
    }
}
