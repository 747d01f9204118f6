using System.Net;
using Storefront.Downstream;
using Storefront.Incidents;
using Storefront.Products;
using Storefront.Shutdown;
using Warden.Hosting;

namespace Storefront;

/// <summary>
/// Builds the Storefront web application. Tests and <c>warden bench</c> use it to host the sample
/// in-process on a free loopback port; <c>Program.cs</c> uses it to run the sample from the command line.
/// </summary>
public static class StorefrontApp
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--port"] = $"{StorefrontOptions.SectionName}:{nameof(StorefrontOptions.Port)}",
        ["--latency-ms"] = $"{StorefrontOptions.SectionName}:{nameof(StorefrontOptions.DownstreamLatencyMs)}",
        ["--downstream"] = $"{StorefrontOptions.SectionName}:{nameof(StorefrontOptions.DownstreamUrl)}",
        ["--journal"] = $"{StorefrontOptions.SectionName}:{nameof(StorefrontOptions.JournalPath)}",
    };

    /// <summary>The configuration section bound to Warden's <c>ShutdownOptions</c>.</summary>
    public const string ShutdownSectionName = "Shutdown";

    /// <summary>Creates the application; call <c>StartAsync</c> or <c>RunAsync</c> on the result.</summary>
    /// <param name="args">Command-line arguments: <c>--port</c>, <c>--latency-ms</c>, <c>--downstream</c>, or any configuration key.</param>
    /// <param name="configure">Optional extra configuration of the builder, for hosts such as tests.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddCommandLine(args, SwitchMappings);

        var options = builder.Configuration.GetSection(StorefrontOptions.SectionName).Get<StorefrontOptions>() ?? new StorefrontOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Storefront:Port must be between 0 and 65535, got {options.Port}. Pass --port 5080, or --port 0 for a free port.", nameof(args));
        }

        if (options.DownstreamLatencyMs < 0)
        {
            throw new ArgumentException($"Storefront:DownstreamLatencyMs must be 0 or more, got {options.DownstreamLatencyMs}.", nameof(args));
        }

        // Loopback only: the sample is a target for local load and fault tests, never a public server.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.Configure<StorefrontOptions>(builder.Configuration.GetSection(StorefrontOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DownstreamAddress>();
        builder.Services.AddSingleton<CatalogDocument>();
        builder.Services.AddHttpClient(DownstreamClient.HttpClientName);
        builder.Services.AddSingleton<DownstreamClient>();
        builder.Services.AddSingleton<AnalyticsClient>();
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<RequestJournal>();

        // Graceful shutdown (playbook chapter 8): the five steps, bounded by the `Shutdown` section
        // (for example --Shutdown:GracePeriod 00:00:10); /health turns unhealthy at step 2.
        var shutdown = builder.Configuration.GetSection(ShutdownSectionName);
        builder.Services.AddWardenShutdown(options => shutdown.Bind(options));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseWardenShutdown();
        app.UseRequestJournal();
        app.MapHealthChecks("/health");
        app.MapDownstreamEndpoints();
        app.MapSyncProductEndpoints();
        app.MapAsyncProductEndpoints();
        app.MapIncidentEndpoints();
        app.MapShutdownEndpoints();
        return app;
    }
}
