namespace Storefront.Tests;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("--port", "70000", "Storefront:Port must be between 0 and 65535")]
    [InlineData("--latency-ms", "-1", "Storefront:DownstreamLatencyMs must be 0 or more")]
    public void Bad_settings_fail_at_build_with_a_clear_message(string option, string value, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => StorefrontApp.Build([option, value]));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
