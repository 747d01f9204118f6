using Warden.Bench.Engine;

namespace Warden.Bench.Tests;

/// <summary>A generator probe that reports a fixed sample, so tests decide what the generator "saw".</summary>
internal sealed class FixedProbe(GeneratorSample sample) : IGeneratorProbe, IGeneratorSession
{
    public static FixedProbe Idle { get; } = new(new GeneratorSample(0.1, 0.2, 0.1, 0.5));

    public IGeneratorSession Start() => this;

    public GeneratorSample Finish() => sample;

    public void Dispose()
    {
    }
}
