using System.Globalization;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class StressTests
{
    private const int Groups = 10_000;
    private const int InFlight = 32;

    [Fact]
    public async Task Thousands_of_random_groups_leak_no_task_and_surface_every_failure_exactly_once()
    {
        var seed = Environment.GetEnvironmentVariable("WARDEN_STRESS_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"stress seed {seed} (rerun with WARDEN_STRESS_SEED={seed})");
        try
        {
            await RunAsync(seed);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Stress run failed with seed {seed}; rerun with WARDEN_STRESS_SEED={seed}. {ex.Message}", ex);
        }
    }

    private static async Task RunAsync(int seed)
    {
        var random = new Random(seed);
        var plans = new StressPlan[Groups];
        var nextFailureId = 0;
        for (var i = 0; i < Groups; i++)
        {
            plans[i] = StressPlan.Generate(random, 0, ref nextFailureId);
        }

        for (var batch = 0; batch < Groups; batch += InFlight)
        {
            var checks = new List<Task>();
            for (var i = batch; i < Math.Min(Groups, batch + InFlight); i++)
            {
                checks.Add(RunOneAsync(plans[i], i));
            }

            await Task.WhenAll(checks).WithinAsync(ct: TestContext.Current.CancellationToken);
        }
    }

    private static async Task RunOneAsync(StressPlan plan, int index)
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = new StressRun(caller);
        var group = run.RunGroupAsync(plan, caller.Token);
        await group.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await group.ContinueWith(static _ => { }, TestContext.Current.CancellationToken, TaskContinuationOptions.None, TaskScheduler.Default).WithinAsync(ct: TestContext.Current.CancellationToken);

        // Join on exit: once the group's task completed, every child that started has finished.
        if (run.Started != run.Finished)
        {
            throw new InvalidOperationException($"group {index}: {run.Started} children started but {run.Finished} finished");
        }

        var surfaced = new List<int>(run.Handled);
        if (group.IsFaulted)
        {
            StressRun.Collect(group.Exception!, surfaced);
        }

        var thrown = run.Thrown.Order().ToList();
        surfaced.Sort();
        if (!thrown.SequenceEqual(surfaced))
        {
            throw new InvalidOperationException(
                $"group {index}: thrown [{string.Join(',', thrown)}] but surfaced [{string.Join(',', surfaced)}] (status {group.Status})");
        }

        if (thrown.Count > 0 && !group.IsFaulted && run.Handled.Count != thrown.Count)
        {
            throw new InvalidOperationException($"group {index}: failures were thrown but the group ended {group.Status}");
        }
    }
}
