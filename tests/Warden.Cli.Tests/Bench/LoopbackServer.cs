using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Warden.Cli.Tests.Bench;

/// <summary>A tiny server on a free loopback port: /fast answers at once, /slow after 20 ms, /fail with 503, PUT /echo checks its header and body.</summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private WebApplication? _app;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/fast", () => "ok");
        _app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            return "ok";
        });
        _app.MapGet("/fail", () => Results.StatusCode(503));
        _app.MapPut("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var ok = request.Headers["X-Bench"] == "yes" && request.ContentType == "text/plain" && body == "hello";
            return ok ? Results.Ok() : Results.BadRequest();
        });
        await _app.StartAsync().WaitAsync(Bound);
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(Bound);
            await _app.DisposeAsync().AsTask().WaitAsync(Bound);
        }
    }
}
