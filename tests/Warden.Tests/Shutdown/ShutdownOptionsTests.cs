namespace Warden.Tests.Shutdown;

public sealed class ShutdownOptionsTests
{
    [Fact]
    public void Defaults_fit_a_30_second_Kubernetes_grace_period()
    {
        var options = new ShutdownOptions();

        Assert.True(options.TryValidate(out var problem), problem);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Budget);
        Assert.Equal(TimeSpan.FromSeconds(27), options.Required);
    }

    [Fact]
    public void Steps_that_do_not_fit_the_budget_fail_with_the_arithmetic()
    {
        var options = new ShutdownOptions { DrainDelay = TimeSpan.FromSeconds(10) };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "The shutdown steps do not fit the budget: drain delay 10 s + stop accepting 2 s + grace 15 s + cancel 5 s + close 3 s + margin 2 s = 37 s > budget 30 s. Shorten a step by 7 s or raise Budget (and terminationGracePeriodSeconds).",
            ex.Message);
    }

    [Fact]
    public void The_coordinator_refuses_options_that_do_not_fit()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ShutdownCoordinator(new ShutdownOptions { Budget = TimeSpan.FromSeconds(20) }));

        Assert.Contains("= 27 s > budget 20 s", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ShutdownOptions.GracePeriod))]
    [InlineData(nameof(ShutdownOptions.Margin))]
    public void Negative_durations_are_named(string property)
    {
        var options = new ShutdownOptions();
        typeof(ShutdownOptions).GetProperty(property)!.SetValue(options, TimeSpan.FromSeconds(-1));

        Assert.False(options.TryValidate(out var problem));
        Assert.Equal($"ShutdownOptions.{property} must be zero or more, got -1 s.", problem);
    }

    [Fact]
    public void A_zero_budget_is_refused()
    {
        var options = new ShutdownOptions { Budget = TimeSpan.Zero };

        Assert.False(options.TryValidate(out var problem));
        Assert.StartsWith("ShutdownOptions.Budget must be more than zero", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coordinator_copies_the_options()
    {
        var options = new ShutdownOptions();
        var coordinator = new ShutdownCoordinator(options);

        options.GracePeriod = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromSeconds(15), coordinator.Options.GracePeriod);
    }
}
