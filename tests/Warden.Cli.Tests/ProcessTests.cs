using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests;

/// <summary>The real `warden` program and real POSIX signals, in child processes.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Warden_help_runs_as_a_process()
    {
        using var child = ChildProcess.Start("Warden.Cli", "--help");
        var (exitCode, output) = await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task Warden_unknown_command_exits_2_with_message_on_stderr()
    {
        using var child = ChildProcess.Start("Warden.Cli", "nope");
        var (exitCode, output) = await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains("Unrecognized command or argument 'nope'", child.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM", ExitCodes.Terminated)]
    [InlineData("INT", ExitCodes.Interrupted)]
    public async Task Signal_cancels_the_run_token_and_sets_the_exit_code(string signal, int expectedExitCode)
    {
        var ct = TestContext.Current.CancellationToken;
        using var child = ChildProcess.Start("Warden.Cli.SignalHost", "wait");
        Assert.Equal("ready", await child.ReadLineAsync(ct));

        await child.SignalAsync(signal, ct);
        var (exitCode, _) = await child.WaitForExitAsync(ct);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Contains("cancelled", child.StandardError, StringComparison.Ordinal);
    }
}
