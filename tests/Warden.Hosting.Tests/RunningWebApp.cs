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
    // The poll interval paces the fake clock: a step per millisecond of real time, brisk without spinning a core
    // that Kestrel's real-time work needs.
    private static readonly EventuallyOptions StepEveryMillisecond = new() { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) };
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
        await app.StartAsync(TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        running.Address = new Uri(address + "/");
        running.Client.Dispose();
        running.Client = new HttpClient { BaseAddress = running.Address, Timeout = Bounded.DefaultBound };
        return running;
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        using var response = await Client.GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public Task StopAsync() => _app.StopAsync(CancellationToken.None);

    /// <summary>Advances the fake clock a second at a time until <paramref name="task"/> completes, bounded.</summary>
    public async Task AdvanceUntilAsync(Task task, TimeSpan step)
    {
        await AdvanceWhileAsync(() => !task.IsCompleted, step, "the task should complete while the fake clock advances");
        await task.WithinAsync(ct: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Advances the fake clock a second at a time until <paramref name="token"/> fires, then stops, so a timeout
    /// armed after it (step 4's) cannot elapse while the test waits on real work.
    /// </summary>
    public Task AdvanceUntilCancelledAsync(TimeSpan step, CancellationToken token) =>
        AdvanceWhileAsync(() => !token.IsCancellationRequested, step, "the token should fire while the fake clock advances");

    // Polls on the system clock (not the fake one it advances), one step per poll: checking and then advancing in
    // the same poll means the clock moves at most one step past the state the caller waits for.
    private async Task AdvanceWhileAsync(Func<bool> pending, TimeSpan step, string because)
    {
        await Eventually.UntilAsync(
            () =>
            {
                if (!pending())
                {
                    return true;
                }

                Time.Advance(step);
                return false;
            },
            static done => done,
            Bounded.DefaultBound,
            because,
            StepEveryMillisecond,
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
