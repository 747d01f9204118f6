using Storefront;

// `dotnet run --project samples/Storefront [--port 5080] [--latency-ms 20]`
await using var app = StorefrontApp.Build(args);
await app.RunAsync();
