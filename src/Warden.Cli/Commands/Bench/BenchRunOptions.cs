using System.CommandLine;

namespace Warden.Cli.Commands.Bench;

/// <summary>The options <c>warden bench</c> and <c>warden bench http</c> share: durations, repetitions, statistics, output.</summary>
internal sealed class BenchRunOptions
{
    public BenchRunOptions(string defaultDuration, string defaultWarmup, int defaultRepeat, string? defaultOut)
    {
        Duration = new("--duration") { Description = "How long each repetition is measured (500ms, 10s, 1m).", DefaultValueFactory = _ => defaultDuration };
        Warmup = new("--warmup") { Description = "Load applied before each repetition's measurement; discarded.", DefaultValueFactory = _ => defaultWarmup };
        Repeat = new("--repeat") { Description = "Repetitions per target and level; each is one statistical unit (2 or more for a verdict).", DefaultValueFactory = _ => defaultRepeat };
        Timeout = new("--timeout") { Description = "A request slower than this is counted as a timeout, never as latency.", DefaultValueFactory = _ => "10s" };
        Threshold = new("--threshold") { Description = "The smallest difference that matters; smaller ones are called Same.", DefaultValueFactory = _ => "5%" };
        Out = new("--out") { Description = "Write the JSON result (every repetition's histogram) to this file.", DefaultValueFactory = defaultOut is null ? null : _ => defaultOut };
    }

    public Option<string> Duration { get; }

    public Option<string> Warmup { get; }

    public Option<int> Repeat { get; }

    public Option<string> Timeout { get; }

    public Option<string> Threshold { get; }

    public Option<string?> Out { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Duration);
        command.Options.Add(Warmup);
        command.Options.Add(Repeat);
        command.Options.Add(Timeout);
        command.Options.Add(Threshold);
        command.Options.Add(Out);
    }

    /// <summary>
    /// Reads the shared values into engine options (the load model is the caller's). <c>--out</c> is checked here,
    /// before any load is sent, so a run never ends in a write to a folder that does not exist.
    /// </summary>
    public (Warden.Bench.BenchOptions Options, string? Out) Bind(ParseResult parseResult, Warden.Bench.LoadModel load)
    {
        var repeat = parseResult.GetValue(Repeat);
        if (repeat is < 1 or > 1000)
        {
            throw new Infrastructure.CliUsageException($"--repeat {repeat} must be between 1 and 1000; use 5 for a verdict you can trust.");
        }

        var options = new Warden.Bench.BenchOptions
        {
            Load = load,
            Duration = Positive("--duration", parseResult.GetRequiredValue(Duration)),
            Warmup = BenchValueParser.Duration("--warmup", parseResult.GetRequiredValue(Warmup)),
            Repetitions = repeat,
            Timeout = Positive("--timeout", parseResult.GetRequiredValue(Timeout)),
            Threshold = BenchValueParser.Fraction("--threshold", parseResult.GetRequiredValue(Threshold)),
        };
        return (options, parseResult.GetValue(Out) is { } outPath ? OutputFile.Check("--out", outPath, "result", "result.json") : null);
    }

    private static TimeSpan Positive(string option, string text)
    {
        var value = BenchValueParser.Duration(option, text);
        return value > TimeSpan.Zero ? value : throw new Infrastructure.CliUsageException($"{option} must be longer than zero, like 10s.");
    }
}
