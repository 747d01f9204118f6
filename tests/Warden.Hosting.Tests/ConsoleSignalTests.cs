namespace Warden.Hosting.Tests;

/// <summary>
/// <see cref="ShutdownCoordinator.WaitAndRunAsync"/> in a plain console app (no host), as a real child process
/// receiving real signals from <c>kill</c>.
/// </summary>
public sealed class ConsoleSignalTests
{
    private const string Program = "Warden.Shutdown.ConsoleHost";

    // The console host's ShutdownOptions.Budget (Warden.Shutdown.ConsoleHost/Program.cs).
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    [InlineData("QUIT", 131)]
    public async Task A_signal_runs_the_five_steps_and_the_process_exits_with_the_signal_code(string signal, int exitCode)
    {
        using var app = ChildProcess.Start(Program);
        await app.WaitForLineAsync("ready");

        await app.SignalAsync(signal);
        var exit = await app.WaitForExitAsync();

        Assert.Equal(exitCode, exit);
        app.AssertExitedWithinBudget(Budget);
        var output = app.Output;
        Assert.Contains($"Shutdown requested: SIG{signal}; running the five shutdown steps.", output, StringComparison.Ordinal);
        Assert.Contains("worker cancelled", output, StringComparison.Ordinal);
        Assert.Contains("closed pool", output, StringComparison.Ordinal);
        Assert.Contains($"Shutdown report: reason SIG{signal}, exit code {exitCode}", output, StringComparison.Ordinal);
        Assert.Contains("cancelled 1 [worker loop]; closed 1 [pool]; not finished in time 0", output, StringComparison.Ordinal);
        Assert.True(
            output.IndexOf("worker cancelled", StringComparison.Ordinal) < output.IndexOf("closed pool", StringComparison.Ordinal),
            "The pool must be closed after the work that used it stopped.");
    }

    [Fact]
    public async Task Work_that_ignores_cancellation_is_named_and_does_not_hold_the_process()
    {
        using var app = ChildProcess.Start(Program, "--stuck");
        await app.WaitForLineAsync("ready");

        await app.SignalAsync("TERM");
        var exit = await app.WaitForExitAsync();

        Assert.Equal(143, exit);
        app.AssertExitedWithinBudget(Budget);
        Assert.Contains("not finished in time 1 [stuck worker]", app.Output, StringComparison.Ordinal);
        Assert.Contains("closed pool", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_stuck_after_the_steps_is_ended_by_the_budget_watchdog()
    {
        using var app = ChildProcess.Start(Program, "--stuck", "--hang-after-report");
        await app.WaitForLineAsync("ready");

        await app.SignalAsync("TERM");
        await app.WaitForLineAsync("hanging after the report");
        var exit = await app.WaitForExitAsync();

        Assert.Equal(143, exit);
        app.AssertExitedWithinBudget(Budget);
        Assert.Contains("Shutdown budget of 00:00:06 exhausted; exiting with code 143. Still running: stuck worker", app.Output, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"budget watchdog (budget 6 s, margin 2 s): kill -> exit {app.SignalToExit?.TotalMilliseconds:0} ms observed");
    }
}
