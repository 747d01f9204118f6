using Warden;
using Warden.Shutdown.ConsoleHost;

// Usage: Warden.Shutdown.ConsoleHost [--stuck] [--hang-after-report]
//   --stuck              the worker ignores cancellation (the report must name it)
//   --hang-after-report  Main blocks after the report, like a stuck dispose (the budget watchdog must end the process)
var stuck = args.Contains("--stuck");
var options = new ShutdownOptions
{
    Budget = TimeSpan.FromSeconds(6),
    StopAcceptingTimeout = TimeSpan.FromSeconds(1),
    GracePeriod = TimeSpan.FromSeconds(1),
    CancelTimeout = TimeSpan.FromSeconds(1),
    CloseTimeout = TimeSpan.FromSeconds(1),
    Margin = TimeSpan.FromSeconds(2),
};
await using var shutdown = new ShutdownCoordinator(options, new StdoutLogger<ShutdownCoordinator>());
shutdown.RegisterForClose(new PrintingResource("pool"), "pool");
var worker = Worker.RunAsync(shutdown, stuck);

// The signal handlers are installed before "ready" is printed, so a test's signal can never hit the default action.
var shutdownRun = shutdown.WaitAndRunAsync();
Console.Out.WriteLine("ready");
var report = await shutdownRun;
if (args.Contains("--hang-after-report"))
{
    Console.Out.WriteLine("hanging after the report");
    using var never = new ManualResetEventSlim();
#pragma warning disable WD201 // Deliberate: this test host simulates a process stuck after the report, for the watchdog test.
    never.Wait();
#pragma warning restore WD201
}

if (worker.IsCompleted)
{
    await worker;
}

return report.ExitCode;
