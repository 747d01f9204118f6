using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>The awaitable twin of a synchronous method, as found by <see cref="AsyncCounterpartFinder"/>.</summary>
internal sealed class AsyncCounterpart
{
    /// <summary>Creates the description of a counterpart.</summary>
    public AsyncCounterpart(IMethodSymbol method, bool sameParameters, bool acceptsCancellationToken)
    {
        Method = method;
        SameParameters = sameParameters;
        AcceptsCancellationToken = acceptsCancellationToken;
    }

    /// <summary>The async method (e.g. <c>File.ReadAllTextAsync</c>).</summary>
    public IMethodSymbol Method { get; }

    /// <summary>
    /// True when the parameters are exactly those of the sync method (plus an optional trailing token), so the same
    /// arguments can be passed; false when a Span parameter corresponds to a Memory one.
    /// </summary>
    public bool SameParameters { get; }

    /// <summary>True when an overload with the same parameters also takes a trailing CancellationToken.</summary>
    public bool AcceptsCancellationToken { get; }
}
