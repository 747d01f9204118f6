namespace Warden.Cli.Audit;

/// <summary>
/// Playbook chapter 1's "async spread": how far async has reached into the code, and where synchronous
/// code blocks on it (the sync-over-async boundaries a migration must remove).
/// </summary>
/// <param name="Methods">Methods, local functions and accessors with a body in audited code.</param>
/// <param name="AsyncMethods">Those declared <c>async</c>.</param>
/// <param name="SyncOverAsyncBoundaries">Blocking waits on a task (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>) in non-async methods.</param>
internal sealed record AsyncSpread(int Methods, int AsyncMethods, int SyncOverAsyncBoundaries)
{
    /// <summary>The share of methods that are async, 0 to 1.</summary>
    public double AsyncShare => Methods == 0 ? 0 : (double)AsyncMethods / Methods;
}
