using Microsoft.Extensions.Time.Testing;
using Warden.Cli.Audit;
using Warden.Cli.Commands.Audit;

namespace Warden.Cli.Tests.Audit;

/// <summary>Progress appears only for runs over a second, and is erased at the end (fake clock, no sleeps).</summary>
public sealed class AuditProgressDisplayTests
{
    [Fact]
    public async Task Nothing_is_drawn_in_the_first_second()
    {
        var clock = new FakeTimeProvider();
        using var error = new StringWriter();
        var display = new AuditProgressDisplay(error, clock);
        display.Report(new AuditProgress("parsing", 3, 10));

        clock.Advance(TimeSpan.FromMilliseconds(900));
        await display.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task After_a_second_the_latest_progress_is_drawn_then_erased()
    {
        var clock = new FakeTimeProvider();
        using var error = new SignallingWriter();
        var display = new AuditProgressDisplay(error, clock);
        display.Report(new AuditProgress("parsing", 3, 10));
        display.Report(new AuditProgress("analyzing", 1, 2));

        clock.Advance(TimeSpan.FromSeconds(1));
        await error.FirstWrite.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await display.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var text = error.ToString();
        Assert.StartsWith("\rwarden audit: analyzing 1/2", text, StringComparison.Ordinal);
        Assert.EndsWith("\r" + new string(' ', "warden audit: analyzing 1/2".Length) + "\r", text, StringComparison.Ordinal);
    }
}
