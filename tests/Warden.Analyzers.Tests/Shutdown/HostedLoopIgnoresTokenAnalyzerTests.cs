using Warden.Analyzers.CodeFixes.Shutdown;
using Warden.Analyzers.Shutdown;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Shutdown;

public sealed class HostedLoopIgnoresTokenAnalyzerTests
{
    public static TheoryData<string> Ignoring => new()
    {
        "protected override async Task {|WD801:ExecuteAsync|}(CancellationToken stoppingToken) { while (true) { await Api.DoAsync(); await Task.Delay(1000); } }",
        "protected override async Task {|WD801:ExecuteAsync|}(CancellationToken stoppingToken) { for (;;) { await Api.DoAsync(); } }",
        "protected override async Task {|WD801:ExecuteAsync|}(CancellationToken stoppingToken) { await Api.DoAsync(); }",
        "protected override Task {|WD801:ExecuteAsync|}(CancellationToken stoppingToken) { return Api.DoAsync(); }",
        "public override async Task {|WD801:StopAsync|}(CancellationToken cancellationToken) { await Api.SendAsync(\"bye\"); }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Task.Delay(1000, stoppingToken); [|while|] (true) { await Api.DoAsync(); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Task.Delay(1000, stoppingToken); [|do|] { await Api.DoAsync(); } while (true); }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); [|while|] (!_stopped) { await Api.DoAsync(); } } private bool _stopped;",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); await [|foreach|] (var item in Source()) { await Api.GetAsync(item); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { while (!stoppingToken.IsCancellationRequested) { [|while|] (true) { await Api.DoAsync(); } } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); [|while|] (true) { await Api.DoAsync(CancellationToken.None); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); [|for|] (;;) { Api.Work(); } }",
    };

    public static TheoryData<string> Observing => new()
    {
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { while (!stoppingToken.IsCancellationRequested) { await Api.DoAsync(stoppingToken); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { while (true) { await Task.Delay(1000, stoppingToken); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { while (true) { stoppingToken.ThrowIfCancellationRequested(); await Api.DoAsync(); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken); while (true) { await Api.DoAsync(linked.Token); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await foreach (var item in Source().WithCancellation(stoppingToken)) { await Api.GetAsync(item); } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { while (!stoppingToken.IsCancellationRequested) { var queue = new Queue<int>(); while (queue.Count > 0) { await Api.GetAsync(queue.Dequeue()); } } }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { for (var i = 0; i < 3; i++) { Api.Work(); } await Task.Delay(10, stoppingToken); }",
        "protected override async Task ExecuteAsync(CancellationToken stoppingToken) { foreach (var id in new[] { 1, 2 }) { await Api.GetAsync(id, stoppingToken); } }",
        "public override Task StopAsync(CancellationToken cancellationToken) => base.StopAsync(cancellationToken);",
        "public override Task StopAsync(CancellationToken cancellationToken) { Api.Work(); return Task.CompletedTask; }",
        "public async Task RunAsync(CancellationToken token) { while (true) { await Api.DoAsync(); } }",
    };

    [Theory]
    [MemberData(nameof(Ignoring))]
    public Task Flags_hosted_code_that_ignores_the_stopping_token(string member) =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Observing))]
    public Task Stays_quiet_when_the_token_is_observed(string member) =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Stays_quiet_on_a_stop_async_that_is_not_a_hosted_service() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(StandInSources.Usings + """
            public class Client { public async Task StopAsync(CancellationToken cancellationToken) { await Api.DoAsync(); } }
            """ + StandInSources.Api + StandInSources.Hosting);

    [Fact]
    public Task Stays_quiet_on_an_i_hosted_service_stop_that_forwards_the_token() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(StandInSources.Usings + """
            public class Service : Microsoft.Extensions.Hosting.IHostedService
            {
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public async Task StopAsync(CancellationToken cancellationToken) { await Api.DoAsync(cancellationToken); }
            }
            """ + StandInSources.Api + StandInSources.Hosting);

    [Fact]
    public Task Flags_an_i_hosted_service_stop_that_ignores_its_token() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(HostedService("""
            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            public async Task {|WD801:StopAsync|}(CancellationToken cancellationToken) { await Api.SendAsync("bye"); }
            """));

    [Fact]
    public Task Flags_an_explicit_i_hosted_service_stop_that_ignores_its_token() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(HostedService("""
            Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            async Task IHostedService.{|#0:StopAsync|}(CancellationToken cancellationToken) { await Api.SendAsync("bye"); }
            """),
            Verify<HostedLoopIgnoresTokenAnalyzer>.Diagnostic(0).WithArguments("StopAsync", "cancellationToken"));

    [Fact]
    public Task Flags_a_drain_loop_in_an_i_hosted_service_stop_that_ignores_its_token() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.AnalyzerAsync(HostedService("""
            private int _inFlight;
            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            public async Task StopAsync(CancellationToken cancellationToken)
            {
                {|#0:while|} (_inFlight > 0)
                {
                    await Task.Delay(100);
                }

                await Api.SendAsync("bye", cancellationToken);
            }
            """),
            Verify<HostedLoopIgnoresTokenAnalyzer>.Diagnostic(0).WithArguments("The loop in StopAsync", "cancellationToken"));

    [Fact]
    public Task Fix_stops_an_i_hosted_service_drain_loop_when_its_token_is_cancelled() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.CodeFixAsync<ObserveStoppingTokenCodeFixProvider>(
            HostedService("""
                private int _inFlight;
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public async Task StopAsync(CancellationToken cancellationToken) { [|while|] (_inFlight > 0) { await Task.Delay(100); } await Api.SendAsync("bye", cancellationToken); }
                """),
            HostedService("""
                private int _inFlight;
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public async Task StopAsync(CancellationToken cancellationToken) { while (!cancellationToken.IsCancellationRequested && (_inFlight > 0)) { await Task.Delay(100); } await Api.SendAsync("bye", cancellationToken); }
                """));

    [Fact]
    public Task Fix_checks_the_token_in_the_loop_condition() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.CodeFixAsync<ObserveStoppingTokenCodeFixProvider>(
            Source("protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); [|while|] (true) { await Api.DoAsync(); } [|while|] (!_stopped) { await Api.DoAsync(); } } private bool _stopped;"),
            Source("protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); while (!stoppingToken.IsCancellationRequested) { await Api.DoAsync(); } while (!stoppingToken.IsCancellationRequested && !_stopped) { await Api.DoAsync(); } } private bool _stopped;"));

    [Fact]
    public Task Fix_passes_the_token_to_await_foreach_and_for() =>
        Verify<HostedLoopIgnoresTokenAnalyzer>.CodeFixAsync<ObserveStoppingTokenCodeFixProvider>(
            Source("protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); await [|foreach|] (var item in Source()) { await Api.GetAsync(item); } [|for|] (;;) { await Api.DoAsync(); } }"),
            Source("protected override async Task ExecuteAsync(CancellationToken stoppingToken) { await Api.DoAsync(stoppingToken); await foreach (var item in Source().WithCancellation(stoppingToken)) { await Api.GetAsync(item); } for (; !stoppingToken.IsCancellationRequested;) { await Api.DoAsync(); } }"));

    private static string HostedService(string members) =>
        StandInSources.Usings + "using Microsoft.Extensions.Hosting;\n\npublic class Journal : IHostedService\n{\n" + members + "\n}\n" + StandInSources.Api + StandInSources.Hosting;

    private static string Source(string member) =>
        StandInSources.Usings + "public class Worker : Microsoft.Extensions.Hosting.BackgroundService\n{\n    " + member
        + (member.Contains("ExecuteAsync", StringComparison.Ordinal) ? string.Empty : "\n    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);")
        + "\n    private static async IAsyncEnumerable<int> Source() { await Task.Yield(); yield return 1; }\n}\n" + StandInSources.Api + StandInSources.Hosting;
}
