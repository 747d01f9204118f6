using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Warden;

/// <summary>
/// Timeouts and exit codes of a <see cref="ShutdownCoordinator"/>. The steps must fit the budget:
/// <c>DrainDelay + StopAcceptingTimeout + GracePeriod + CancelTimeout + CloseTimeout + Margin &lt;= Budget</c>;
/// <see cref="Validate"/> (called by the coordinator's constructor and, in <c>Warden.Hosting</c>, at start-up)
/// fails with the arithmetic when they do not.
/// </summary>
/// <remarks>
/// Properties are settable so the options pattern (<c>services.AddWardenShutdown(o =&gt; o.GracePeriod = ...)</c>)
/// can configure them; the coordinator copies them when it is created.
/// </remarks>
public sealed record ShutdownOptions
{
    /// <summary>
    /// The whole time the process has between the signal and being killed: Kubernetes'
    /// <c>terminationGracePeriodSeconds</c> minus any <c>preStop</c> hook. Default 30 s.
    /// </summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Step 2 keeps serving this long after readiness turns not-ready, so load balancers stop sending
    /// traffic before the listeners close. Default zero (use 5-10 s behind a Kubernetes Service without a preStop sleep).
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Bound on the step-2 callbacks (<see cref="ShutdownCoordinator.OnStopAccepting(Func{CancellationToken, Task})"/>), such as closing listeners. Default 2 s.</summary>
    public TimeSpan StopAcceptingTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Step 3: how long in-flight work may finish on its own. Default 15 s.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Step 4: how long cancelled work may take to stop. Default 5 s.</summary>
    public TimeSpan CancelTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Step 5: how long closing all registered resources may take. Each resource is bounded by what is left of
    /// this; a resource that does not close in time is reported and the next one is closed. Default 3 s.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time kept free for the runtime to exit after step 5 (flush logs, dispose the host). Default 2 s.</summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a signal, if the process is still running when the budget minus half the margin has elapsed,
    /// log what is still running and exit with the signal's exit code, so that work which ignores
    /// cancellation cannot hold the process until SIGKILL. Default <see langword="true"/>.
    /// </summary>
    public bool ExitWhenBudgetExhausted { get; set; } = true;

    /// <summary>Exit code after SIGTERM. Default 143 (128 + 15).</summary>
    public int TerminatedExitCode { get; set; } = 143;

    /// <summary>Exit code after SIGINT (Ctrl-C). Default 130 (128 + 2).</summary>
    public int InterruptedExitCode { get; set; } = 130;

    /// <summary>Exit code after SIGQUIT. Default 131 (128 + 3).</summary>
    public int QuitExitCode { get; set; } = 131;

    /// <summary>The sum of every step's bound plus the margin, the number compared with <see cref="Budget"/>.</summary>
    public TimeSpan Required => DrainDelay + StopAcceptingTimeout + GracePeriod + CancelTimeout + CloseTimeout + Margin;

    /// <summary>Throws when the options are out of range or the steps do not fit the budget.</summary>
    /// <exception cref="ArgumentException">The message says which value is wrong, shows the arithmetic, and what to change.</exception>
    public void Validate()
    {
        if (!TryValidate(out var problem))
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>Checks the options without throwing.</summary>
    /// <param name="problem">What is wrong and what to change, or <see langword="null"/> when the options are valid.</param>
    /// <returns><see langword="true"/> when the options are valid.</returns>
    public bool TryValidate([NotNullWhen(false)] out string? problem)
    {
        (string Name, TimeSpan Value)[] durations =
        [
            (nameof(Budget), Budget), (nameof(DrainDelay), DrainDelay), (nameof(StopAcceptingTimeout), StopAcceptingTimeout),
            (nameof(GracePeriod), GracePeriod), (nameof(CancelTimeout), CancelTimeout), (nameof(CloseTimeout), CloseTimeout),
            (nameof(Margin), Margin),
        ];
        foreach (var (name, value) in durations)
        {
            if (value < TimeSpan.Zero)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"ShutdownOptions.{name} must be zero or more, got {Seconds(value)}.");
                return false;
            }
        }

        if (Budget <= TimeSpan.Zero)
        {
            problem = "ShutdownOptions.Budget must be more than zero: set it to terminationGracePeriodSeconds minus any preStop hook.";
            return false;
        }

        if (Required > Budget)
        {
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"The shutdown steps do not fit the budget: drain delay {Seconds(DrainDelay)} + stop accepting {Seconds(StopAcceptingTimeout)} + grace {Seconds(GracePeriod)} + cancel {Seconds(CancelTimeout)} + close {Seconds(CloseTimeout)} + margin {Seconds(Margin)} = {Seconds(Required)} > budget {Seconds(Budget)}. Shorten a step by {Seconds(Required - Budget)} or raise Budget (and terminationGracePeriodSeconds).");
            return false;
        }

        problem = null;
        return true;
    }

    internal static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
