namespace Warden.Bench.Engine;

/// <summary>One watch of the generator, from <see cref="IGeneratorProbe.Start"/> to <see cref="Finish"/>.</summary>
public interface IGeneratorSession : IDisposable
{
    /// <summary>Stops watching and returns what was seen.</summary>
    GeneratorSample Finish();
}
