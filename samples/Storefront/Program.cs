using Microsoft.Extensions.Options;
using Storefront;

// `dotnet run --project samples/Storefront [--port 5080] [--latency-ms 20] [--Shutdown:GracePeriod 00:00:15]`
// After SIGTERM / SIGINT the exit code is 143 / 130 (set by Warden's shutdown coordinator).
try
{
    await using var app = StorefrontApp.Build(args);
    await app.RunAsync();
}
catch (OptionsValidationException ex)
{
    // Bad shutdown settings (for example steps that do not fit the budget): say what, not a stack trace.
    await Console.Error.WriteLineAsync($"storefront: {ex.Message}");
    return 2;
}

return Environment.ExitCode;
