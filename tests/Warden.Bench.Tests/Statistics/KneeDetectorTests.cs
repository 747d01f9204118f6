using Warden.Bench.Statistics;

namespace Warden.Bench.Tests.Statistics;

public sealed class KneeDetectorTests
{
    [Fact]
    public void The_knee_is_the_last_step_before_p99_crosses_the_objective()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20, false), (40, 1900, 30, false), (160, 3000, 250, false)], TimeSpan.FromMilliseconds(200));

        Assert.Equal(40, knee.LastGoodUsers);
        Assert.Equal(160, knee.BrokeAtUsers);
        Assert.Contains("p99 crossed the 200 ms objective at 160 users", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_knee_is_where_throughput_stops_growing()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20, false), (40, 1900, 22, false), (160, 1950, 80, false), (640, 1900, 330, false)], slo: null);

        Assert.Equal(40, knee.LastGoodUsers);
        Assert.Equal(160, knee.BrokeAtUsers);
        Assert.Contains("throughput stopped growing", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ramp_that_scales_all_the_way_has_no_knee()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20, false), (40, 1900, 22, false), (160, 7000, 25, false)], TimeSpan.FromMilliseconds(200));

        Assert.Null(knee.BrokeAtUsers);
        Assert.Contains("no knee", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_where_the_generator_was_the_bottleneck_is_not_a_knee()
    {
        // At 160 users the generator, not the target, limited throughput and p99; the target scaled again at 640.
        var knee = KneeDetector.Find("A", [(10, 500, 20, false), (40, 1900, 22, false), (160, 1950, 250, true), (640, 7000, 25, false)], TimeSpan.FromMilliseconds(200));

        Assert.Null(knee.BrokeAtUsers);
        Assert.Equal(640, knee.LastGoodUsers);
        Assert.Equal([160.0], knee.GeneratorBoundUsers);
        Assert.Contains("not judged at 160 users, where the generator was the bottleneck", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_growth_is_measured_from_the_last_judged_step()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20, false), (40, 1900, 22, false), (160, 5000, 30, true), (640, 1950, 330, false)], slo: null);

        Assert.Equal(40, knee.LastGoodUsers);
        Assert.Equal(640, knee.BrokeAtUsers);
        Assert.Contains("against 1900 req/s at 40 users", knee.Description, StringComparison.Ordinal);
        Assert.Contains("not judged at 160 users", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ramp_bound_by_the_generator_throughout_has_no_knee_and_says_why()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20, true), (40, 500, 90, true)], TimeSpan.FromMilliseconds(50));

        Assert.Null(knee.LastGoodUsers);
        Assert.Null(knee.BrokeAtUsers);
        Assert.StartsWith("no knee found: the generator was the bottleneck at every step", knee.Description, StringComparison.Ordinal);
    }
}
