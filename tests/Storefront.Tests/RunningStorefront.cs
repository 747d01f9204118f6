using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Storefront.Tests;

/// <summary>The sample started for real on a free loopback port, shared by the tests of a class.</summary>
public sealed class RunningStorefront : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>A client whose base address is the running sample.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <summary>The address the sample is bound to.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        _app = StorefrontApp.Build(["--port", "0", "--latency-ms", "5", "--Logging:LogLevel:Default", "Warning"]);
        await _app.StartAsync(TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Address = new Uri(address + "/");
        Client = new HttpClient { BaseAddress = Address, Timeout = Bounded.DefaultBound };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            // Bounded but not cancellable: the sample is stopped even when the run is being cancelled.
            await _app.StopAsync(CancellationToken.None).WithinAsync();
            await _app.DisposeAsync().AsTask().WithinAsync();
        }
    }
}
