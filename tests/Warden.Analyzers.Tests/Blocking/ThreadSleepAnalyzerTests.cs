using Warden.Analyzers.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Blocking;

public sealed class ThreadSleepAnalyzerTests
{
    [Theory]
    [InlineData("[|Thread.Sleep(100)|];")]
    [InlineData("[|Thread.Sleep(TimeSpan.FromSeconds(1))|];")]
    [InlineData("[|System.Threading.Thread.Sleep(0)|];")]
    [InlineData("await t; [|Thread.Sleep(10)|];")]
    [InlineData("for (var i = 0; i < 3; i++) { [|Thread.Sleep(i)|]; }")]
    [InlineData("try { await t; } catch (InvalidOperationException) { [|Thread.Sleep(50)|]; }")]
    [InlineData("try { } finally { [|Thread.Sleep(5)|]; }")]
    [InlineData("Func<Task> f = async () => { [|Thread.Sleep(1)|]; await Task.Yield(); };")]
    [InlineData("Func<int, Task> f = async x => { [|Thread.Sleep(x)|]; await Task.Yield(); };")]
    [InlineData("Func<Task> f = async delegate { [|Thread.Sleep(1)|]; await Task.Yield(); };")]
    [InlineData("async Task Local() { [|Thread.Sleep(1)|]; await Task.Yield(); } await Local();")]
    [InlineData("if (ct.IsCancellationRequested) { [|Thread.Sleep(1)|]; }")]
    public Task Thread_sleep_in_async_code_is_flagged(string body) =>
        Verify<ThreadSleepAnalyzer>.AnalyzerAsync(Snippets.InAsyncMethod(body));

    [Fact]
    public Task Thread_sleep_in_an_async_expression_bodied_lambda_is_flagged() => Verify<ThreadSleepAnalyzer>.AnalyzerAsync(
        Snippets.InSyncMethod("Func<Task> f = async () => [|Thread.Sleep(1)|];"));

    [Fact]
    public Task Thread_sleep_in_an_async_generic_method_is_flagged() => Verify<ThreadSleepAnalyzer>.AnalyzerAsync(
        Snippets.InClass("async ValueTask<T> Wait<T>(T value) { [|Thread.Sleep(1)|]; await Task.Yield(); return value; }"));

    [Theory]
    [InlineData("Thread.Sleep(100);")]
    [InlineData("Action a = () => Thread.Sleep(1); a();")]
    [InlineData("void Local() => Thread.Sleep(1); Local();")]
    [InlineData("Task.Run(() => Thread.Sleep(1));")]
    [InlineData("var thread = new Thread(() => Thread.Sleep(1));")]
    public Task Thread_sleep_in_sync_code_is_not_flagged(string body) =>
        Verify<ThreadSleepAnalyzer>.AnalyzerAsync(Snippets.InSyncMethod(body));

    [Theory]
    [InlineData("await Task.Run(() => Thread.Sleep(1));")]
    [InlineData("Action a = () => Thread.Sleep(1);")]
    [InlineData("void Local() => Thread.Sleep(1);")]
    [InlineData("await Task.Delay(100, ct);")]
    [InlineData("Thread.Yield();")]
    [InlineData("var lengths = new[] { 1, 2 }.Select(i => { Thread.Sleep(i); return i; }).ToArray();")]
    [InlineData("Parallel.For(0, 2, i => Thread.Sleep(i));")]
    public Task Thread_sleep_in_sync_lambdas_inside_async_code_is_not_flagged(string body) =>
        Verify<ThreadSleepAnalyzer>.AnalyzerAsync(Snippets.InAsyncMethod(body));

    [Fact]
    public Task A_method_named_sleep_on_another_type_is_not_flagged() => Verify<ThreadSleepAnalyzer>.AnalyzerAsync(
        Snippets.InClass("static void Sleep(int ms) { } async Task M() { Sleep(1); await Task.Yield(); }"));
}
