namespace Warden.Bench.Engine;

/// <summary>Watches the load generator itself while a repetition runs.</summary>
public interface IGeneratorProbe
{
    /// <summary>Starts watching; read the result with <see cref="IGeneratorSession.Finish"/> and dispose the session.</summary>
    IGeneratorSession Start();
}
