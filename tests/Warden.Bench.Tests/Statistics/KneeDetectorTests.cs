using Warden.Bench.Statistics;

namespace Warden.Bench.Tests.Statistics;

public sealed class KneeDetectorTests
{
    [Fact]
    public void The_knee_is_the_last_step_before_p99_crosses_the_objective()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20), (40, 1900, 30), (160, 3000, 250)], TimeSpan.FromMilliseconds(200));

        Assert.Equal(40, knee.LastGoodUsers);
        Assert.Equal(160, knee.BrokeAtUsers);
        Assert.Contains("p99 crossed the 200 ms objective at 160 users", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_knee_is_where_throughput_stops_growing()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20), (40, 1900, 22), (160, 1950, 80), (640, 1900, 330)], slo: null);

        Assert.Equal(40, knee.LastGoodUsers);
        Assert.Equal(160, knee.BrokeAtUsers);
        Assert.Contains("throughput stopped growing", knee.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ramp_that_scales_all_the_way_has_no_knee()
    {
        var knee = KneeDetector.Find("A", [(10, 500, 20), (40, 1900, 22), (160, 7000, 25)], TimeSpan.FromMilliseconds(200));

        Assert.Null(knee.BrokeAtUsers);
        Assert.Contains("no knee", knee.Description, StringComparison.Ordinal);
    }
}
