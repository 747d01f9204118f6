namespace Warden.Cli.Tests.Bench;

/// <summary>
/// The bench end-to-end tests run one after another: each applies real load on loopback, and in parallel they
/// would measure each other (one hosts Storefront, whose sync endpoint blocks pool threads by design).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BenchSequential
{
    public const string Name = "bench end-to-end";
}
