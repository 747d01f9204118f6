using Warden.Analyzers.Blocking;
using Warden.Analyzers.CodeFixes.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.CodeFixes;

public sealed class ThreadSleepCodeFixTests
{
    [Fact]
    public Task Sleep_becomes_a_delay_with_the_token_in_scope() => Verify<ThreadSleepAnalyzer>.CodeFixAsync<ThreadSleepCodeFixProvider>(
        Snippets.InAsyncMethod("[|Thread.Sleep(100)|];"),
        Snippets.InAsyncMethod("await Task.Delay(100, ct);"));

    [Fact]
    public Task Sleep_without_a_token_in_scope_becomes_a_plain_delay() => Verify<ThreadSleepAnalyzer>.CodeFixAsync<ThreadSleepCodeFixProvider>(
        Snippets.InClass("async Task M() { [|Thread.Sleep(TimeSpan.FromSeconds(1))|]; }"),
        Snippets.InClass("async Task M() { await Task.Delay(TimeSpan.FromSeconds(1)); }"));

    [Fact]
    public Task The_innermost_token_wins_in_a_lambda() => Verify<ThreadSleepAnalyzer>.CodeFixAsync<ThreadSleepCodeFixProvider>(
        Snippets.InAsyncMethod("Func<CancellationToken, Task> f = async inner => [|Thread.Sleep(5)|];"),
        Snippets.InAsyncMethod("Func<CancellationToken, Task> f = async inner => await Task.Delay(5, inner);"));

    [Fact]
    public Task A_time_provider_field_selects_the_time_provider_overload() => Verify<ThreadSleepAnalyzer>.CodeFixAsync<ThreadSleepCodeFixProvider>(
        Snippets.InClass("private readonly TimeProvider _clock = TimeProvider.System; async Task M(CancellationToken token) { [|Thread.Sleep(250)|]; }"),
        Snippets.InClass("private readonly TimeProvider _clock = TimeProvider.System; async Task M(CancellationToken token) { await Task.Delay(TimeSpan.FromMilliseconds(250), _clock, token); }"));

    [Fact]
    public Task A_time_provider_parameter_with_a_timespan_keeps_the_duration() => Verify<ThreadSleepAnalyzer>.CodeFixAsync<ThreadSleepCodeFixProvider>(
        Snippets.InClass("async Task M(TimeProvider time) { var pause = TimeSpan.FromSeconds(2); [|Thread.Sleep(pause)|]; }"),
        Snippets.InClass("async Task M(TimeProvider time) { var pause = TimeSpan.FromSeconds(2); await Task.Delay(pause, time); }"));

    [Fact]
    public Task Fix_all_rewrites_every_sleep() => Verify<ThreadSleepAnalyzer>.CodeFixAsync<ThreadSleepCodeFixProvider>(
        Snippets.InAsyncMethod("[|Thread.Sleep(1)|];\n        await t;\n        [|Thread.Sleep(2)|];"),
        Snippets.InAsyncMethod("await Task.Delay(1, ct);\n        await t;\n        await Task.Delay(2, ct);"));
}
