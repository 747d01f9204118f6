using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using Warden.Bench;
using Warden.Bench.Http;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary><c>warden bench http URL [--vs URL2]</c>: load one endpoint, or compare two at identical load.</summary>
internal sealed class BenchHttpCommand : CliCommand<BenchHttpSettings>
{
    private readonly Argument<string> _url = new("URL") { Description = "The endpoint to load (A), for example http://127.0.0.1:5080/sync/products/1." };
    private readonly Option<string?> _vs = new("--vs") { Description = "A second endpoint (B) run interleaved with A at identical load; gives a verdict." };
    private readonly Option<string?> _concurrency = new("--concurrency", "-c") { Description = "Closed model: concurrent users per level, comma-separated (default 10)." };
    private readonly Option<string?> _rate = new("--rate") { Description = "Open model: constant arrival rate, like 500/s; latency counts from the intended send time." };
    private readonly Option<string?> _ramp = new("--ramp") { Description = "Ramp users FROM..TO in geometric steps, like 10..10000; reports the knee." };
    private readonly Option<string?> _over = new("--over") { Description = "How long the whole ramp lasts, like 5m." };
    private readonly Option<int> _steps = new("--steps") { Description = "Ramp steps.", DefaultValueFactory = _ => 10 };
    private readonly Option<string?> _slo = new("--slo") { Description = "Ramp: the p99 objective, like 200ms; the knee is where p99 crosses it." };
    private readonly Option<string[]> _header = new("--header", "-H") { Description = "A request header, 'Name: value' (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> _method = new("--method", "-X") { Description = "The HTTP method.", DefaultValueFactory = _ => "GET" };
    private readonly Option<string?> _body = new("--body") { Description = "The request body, as text." };
    private readonly Option<string?> _bodyFile = new("--body-file") { Description = "Read the request body from this file." };
    private readonly Option<string> _contentType = new("--content-type") { Description = "The body's content type.", DefaultValueFactory = _ => "application/json" };
    private readonly Option<bool> _allowRemote = new("--allow-remote") { Description = "Allow a target that is not on this machine (loopback)." };
    private readonly BenchRunOptions _run = new(defaultDuration: "10s", defaultWarmup: "2s", defaultRepeat: 5, defaultOut: null);

    public override IReadOnlyList<string> Examples { get; } =
    [
        "warden bench http http://127.0.0.1:5080/sync/products/1 --vs http://127.0.0.1:5080/async/products/1 --concurrency 10,100 --repeat 5 --out ab.json",
        "warden bench http http://127.0.0.1:5080/async/products/1 --rate 500/s --duration 30s   # open model",
        "warden bench http http://127.0.0.1:5080/async/products/1 --ramp 10..1000 --over 2m --slo 200ms   # find the knee",
        "warden bench http http://127.0.0.1:8080/api/orders -X POST --body-file order.json -H 'Authorization: Bearer dev-token'",
    ];

    protected override Command Define()
    {
        var command = new Command("http", "Load an HTTP endpoint (closed, open or ramp model); with --vs, compare two at identical load and give a verdict.")
        {
            _url, _vs, _concurrency, _rate, _ramp, _over, _steps, _slo, _header, _method, _body, _bodyFile, _contentType, _allowRemote,
        };
        _run.AddTo(command);
        return command;
    }

    protected override BenchHttpSettings Bind(ParseResult parseResult)
    {
        var allowRemote = parseResult.GetValue(_allowRemote);
        var url = TargetGuard.ParseUrl("URL", parseResult.GetRequiredValue(_url), allowRemote);
        var vs = parseResult.GetValue(_vs) is { } other ? TargetGuard.ParseUrl("--vs", other, allowRemote) : null;
        var (load, connections) = BindLoad(parseResult);
        var (options, outPath) = _run.Bind(parseResult, load);
        if (load.Kind == LoadModelKind.Ramp)
        {
            var over = BenchValueParser.Duration("--over", parseResult.GetValue(_over)!);
            var step = over / load.Levels.Count;
            options = options with { Duration = step * 0.8, Warmup = step * 0.2, Repetitions = 1 };
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message, ex);
        }

        var template = BindRequest(parseResult, url);
        var commandLine = "warden " + string.Join(' ', parseResult.Tokens.Select(t => t.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{t.Value}\"" : t.Value));
        return new BenchHttpSettings(template, vs is null ? null : template with { Url = vs }, options, connections, outPath, commandLine);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, BenchHttpSettings settings, CancellationToken cancellationToken)
    {
        using var a = new HttpTarget(Name(settings.A.Url), settings.A, settings.Connections);
        using var b = settings.B is null ? null : new HttpTarget(Name(settings.B.Url), settings.B, settings.Connections);
        await TargetGuard.PreflightAsync(a, settings.A.Url, cancellationToken).ConfigureAwait(false);
        if (b is not null)
        {
            await TargetGuard.PreflightAsync(b, settings.B!.Url, cancellationToken).ConfigureAwait(false);
        }

        IBenchTarget[] targets = b is null ? [a] : [a, b];
        var result = await BenchSession.RunAsync(context, targets, settings.Options, settings.CommandLine, cancellationToken).ConfigureAwait(false);
        return await BenchSession.ReportAsync(context, result, settings.Out, cancellationToken).ConfigureAwait(false);
    }

    private static string Name(Uri url) => url.AbsolutePath.Trim('/') is { Length: > 0 } path ? path : url.Authority;

    private (LoadModel Load, int Connections) BindLoad(ParseResult parseResult)
    {
        var concurrency = parseResult.GetValue(_concurrency);
        var rate = parseResult.GetValue(_rate);
        var ramp = parseResult.GetValue(_ramp);
        if (new[] { concurrency, rate, ramp }.Count(v => v is not null) > 1)
        {
            throw new CliUsageException("--concurrency, --rate and --ramp choose the load model; give only one of them.");
        }

        RejectIgnoredOptions(parseResult, ramp is not null);
        if (rate is not null)
        {
            return (LoadModel.Open(BenchValueParser.Rate(rate)), 10_000);
        }

        if (ramp is not null)
        {
            var (from, to) = BenchValueParser.Range(ramp);
            if (parseResult.GetValue(_over) is null)
            {
                throw new CliUsageException("--ramp needs --over, how long the whole ramp lasts, like --over 5m.");
            }

            var steps = parseResult.GetValue(_steps);
            if (steps is < 2 or > 100)
            {
                throw new CliUsageException($"--steps {steps} must be between 2 and 100.");
            }

            var slo = parseResult.GetValue(_slo) is { } text ? BenchValueParser.Duration("--slo", text) : (TimeSpan?)null;
            return (LoadModel.Ramp(from, to, steps, slo), to);
        }

        var users = BenchValueParser.Concurrency(concurrency ?? "10");
        return (LoadModel.Closed(users), users.Max());
    }

    private static bool Given(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private static HttpMethod Method(string method)
    {
        try
        {
            return new HttpMethod(method.ToUpperInvariant());
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new CliUsageException($"--method '{method}' is not an HTTP method; write a method name such as GET, POST, PUT or DELETE.", ex);
        }
    }

    /// <summary>
    /// Options that the chosen load model would silently ignore or overwrite are a usage error: without --ramp nothing
    /// reads --over, --steps or --slo, and a ramp derives each step's timing from --over with one repetition per step.
    /// </summary>
    private void RejectIgnoredOptions(ParseResult parseResult, bool isRamp)
    {
        if (!isRamp)
        {
            var rampOnly = new Option[] { _over, _steps, _slo }.Where(o => Given(parseResult, o)).Select(o => o.Name).ToArray();
            if (rampOnly.Length > 0)
            {
                throw new CliUsageException($"{string.Join(", ", rampOnly)} only shape a ramp; add --ramp FROM..TO (like --ramp 10..1000 --over 2m) or drop {string.Join(" and ", rampOnly)}.");
            }

            return;
        }

        var fixedByRamp = new Option[] { _run.Duration, _run.Warmup, _run.Repeat }.Where(o => Given(parseResult, o)).Select(o => o.Name).ToArray();
        if (fixedByRamp.Length > 0)
        {
            throw new CliUsageException($"--ramp times each step from --over (20% warm-up, 80% measured, one repetition per step), so {string.Join(" and ", fixedByRamp)} would be ignored; drop {(fixedByRamp.Length == 1 ? "it" : "them")}, or use --concurrency for fixed levels with repetitions.");
        }
    }

    private HttpRequestSpec BindRequest(ParseResult parseResult, Uri url)
    {
        var headers = RequestHeaders.Parse(parseResult.GetValue(_header) ?? []);
        var contentType = parseResult.GetRequiredValue(_contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new CliUsageException($"--content-type '{contentType}' is not a media type; write it like application/json or 'text/plain; charset=utf-8'.");
        }

        var body = parseResult.GetValue(_body);
        var bodyFile = parseResult.GetValue(_bodyFile);
        if (body is not null && bodyFile is not null)
        {
            throw new CliUsageException("give --body or --body-file, not both.");
        }

        ReadOnlyMemory<byte>? bytes = body is not null ? Encoding.UTF8.GetBytes(body) : null;
        if (bodyFile is not null)
        {
            bytes = File.Exists(bodyFile) ? File.ReadAllBytes(bodyFile) : throw new CliUsageException($"--body-file '{bodyFile}' does not exist; give the path of the file holding the request body.");
        }

        return new HttpRequestSpec
        {
            Url = url,
            Method = Method(parseResult.GetRequiredValue(_method)),
            Headers = headers,
            Body = bytes,
            ContentType = contentType,
        };
    }
}
