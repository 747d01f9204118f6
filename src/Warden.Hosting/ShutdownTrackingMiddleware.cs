using Microsoft.AspNetCore.Http;

namespace Warden.Hosting;

/// <summary>
/// Tracks every request as in-flight work for the grace period, and links <see cref="HttpContext.RequestAborted"/>
/// with step 4's <see cref="ShutdownCoordinator.Cancelling"/>: Kestrel does not tell handlers about shutdown.
/// </summary>
internal sealed class ShutdownTrackingMiddleware(RequestDelegate next, ShutdownCoordinator coordinator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        using var work = coordinator.TrackWork(string.Concat(request.Method, " ", request.Path.Value, request.QueryString.Value));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, coordinator.Cancelling);
        var original = context.RequestAborted;
        context.RequestAborted = linked.Token;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.RequestAborted = original;
        }
    }
}
