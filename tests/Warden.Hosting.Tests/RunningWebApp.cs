using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Warden.Hosting.Tests;

/// <summary>
/// A minimal web app with Warden's shutdown on a free loopback port, in this process, with the coordinator on a
/// fake clock. <c>/wait</c> finishes when the test says so; <c>/cancellable</c> waits until its token fires.
/// </summary>
internal sealed class RunningWebApp : IAsyncDisposable
{
    private WebApplication _app = null!;

    private RunningWebApp()
    {
    }

    public FakeTimeProvider Time { get; } = new();

    public TaskCompletionSource ReleaseWait { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> CancellableObservedCancel { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ShutdownCoordinator Coordinator => _app.Services.GetRequiredService<ShutdownCoordinator>();

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; private set; } = new();

    public static async Task<RunningWebApp> StartAsync(Action<ShutdownOptions> configure)
    {
        var running = new RunningWebApp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(running.Time);
        builder.Services.AddWardenShutdown(configure);
        var app = builder.Build();
        running._app = app;
        app.UseWardenShutdown();
        app.MapHealthChecks("/health");
        app.MapGet("/wait", async () =>
        {
            await running.ReleaseWait.Task;
            return "released";
        });
        app.MapGet("/cancellable", async (CancellationToken ct) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                running.CancellableObservedCancel.TrySetResult(true);
                throw;
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken).Within();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        running.Address = new Uri(address + "/");
        running.Client.Dispose();
        running.Client = new HttpClient { BaseAddress = running.Address, Timeout = Bounded.Limit };
        return running;
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        using var response = await Client.GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken).Within();
        return response.StatusCode;
    }

    public Task StopAsync() => _app.StopAsync(CancellationToken.None);

    /// <summary>Advances the fake clock a second at a time until <paramref name="task"/> completes, bounded.</summary>
    public async Task AdvanceUntilAsync(Task task, TimeSpan step)
    {
        await AdvanceWhileAsync(() => !task.IsCompleted, step, "The task did not complete while the fake clock advanced.");
        await task.Within();
    }

    /// <summary>
    /// Advances the fake clock a second at a time until <paramref name="token"/> fires, then stops, so a timeout
    /// armed after it (step 4's) cannot elapse while the test waits on real work.
    /// </summary>
    public Task AdvanceUntilCancelledAsync(TimeSpan step, CancellationToken token) =>
        AdvanceWhileAsync(() => !token.IsCancellationRequested, step, "The token did not fire while the fake clock advanced.");

    private async Task AdvanceWhileAsync(Func<bool> pending, TimeSpan step, string failure)
    {
        var deadline = DateTime.UtcNow + Bounded.Limit;
        while (pending())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            Time.Advance(step);
            await Task.Yield();
            Thread.Yield();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
