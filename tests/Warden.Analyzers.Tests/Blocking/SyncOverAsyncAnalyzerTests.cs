using Warden.Analyzers.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Blocking;

public sealed class SyncOverAsyncAnalyzerTests
{
    [Theory]
    [InlineData("var s = [|Api.GetAsync().Result|];")]
    [InlineData("[|Api.DoAsync().Wait()|];")]
    [InlineData("var s = [|Api.GetAsync().GetAwaiter().GetResult()|];")]
    [InlineData("var s = [|Api.GetAsync().ConfigureAwait(false).GetAwaiter().GetResult()|];")]
    [InlineData("var n = [|Api.CountAsync().Result|];")]
    [InlineData("[|Api.PingAsync().GetAwaiter().GetResult()|];")]
    [InlineData("var s = [|Task.Run(() => Api.GetAsync()).Result|];")]
    [InlineData("var pending = Api.GetAsync(ct); var s = [|pending.Result|];")]
    [InlineData("var pending = Api.DoAsync(); [|pending.Wait(ct)|];")]
    [InlineData("var n = [|5.TwiceAsync().Result|];")]
    [InlineData("var e = [|Api.EchoAsync(\"x\").GetAwaiter().GetResult()|];")]
    [InlineData("var all = new[] { 1, 2 }.Select(i => [|Api.EchoAsync(i).Result|]).ToList();")]
    public Task Blocking_on_a_just_started_task_in_sync_code_is_flagged(string body) =>
        Verify<SyncOverAsyncAnalyzer>.AnalyzerAsync(Snippets.InSyncMethod(body));

    [Fact]
    public Task Sync_lambda_inside_async_method_is_flagged() => Verify<SyncOverAsyncAnalyzer>.AnalyzerAsync(
        Snippets.InAsyncMethod("var all = new[] { 1, 2 }.Select(i => [|Api.EchoAsync(i).Result|]).ToList();"));

    [Fact]
    public Task Constructor_and_property_are_flagged_with_their_kind() => Verify<SyncOverAsyncAnalyzer>.AnalyzerAsync(Snippets.InClass("""
        private readonly string _value;
        public C() { _value = {|#0:Api.GetAsync().Result|}; }
        public string Value => {|#1:Api.GetAsync().Result|};
        """),
        Verify<SyncOverAsyncAnalyzer>.Diagnostic(0).WithArguments("Result", "constructor"),
        Verify<SyncOverAsyncAnalyzer>.Diagnostic(1).WithArguments("Result", "accessor"));

    [Theory]
    [InlineData("var n = t.Result;")]
    [InlineData("t.Wait();")]
    [InlineData("var n = Task.FromResult(1).Result;")]
    [InlineData("var done = Task.FromResult(1); var n = done.Result;")]
    [InlineData("Task.CompletedTask.GetAwaiter().GetResult();")]
    [InlineData("var tasks = new List<Task<int>> { t }; var n = tasks.First().Result;")]
    [InlineData("var pending = Api.GetAsync(); if (pending.IsCompleted) { var s = pending.Result; }")]
    [InlineData("Task.WaitAll(Api.DoAsync());")]
    [InlineData("Api.DoAsync().ContinueWith(previous => previous.Wait());")]
    [InlineData("using var gate = new SemaphoreSlim(1); gate.Wait();")]
    [InlineData("var v = new ValueTask<int>(5).Result;")]
    public Task Waits_on_tasks_not_started_here_or_complete_are_not_flagged(string body) =>
        Verify<SyncOverAsyncAnalyzer>.AnalyzerAsync(Snippets.InSyncMethod(body));

    [Fact]
    public Task Async_code_is_left_to_WD201() => Verify<SyncOverAsyncAnalyzer>.AnalyzerAsync(
        Snippets.InAsyncMethod("var s = Api.GetAsync().Result; Api.DoAsync().Wait();"));

    [Fact]
    public Task Main_of_a_console_app_is_not_flagged() => Verify<SyncOverAsyncAnalyzer>.AnalyzerAsync(Snippets.Usings + """
        static class Program
        {
            static int Main() => Work().GetAwaiter().GetResult();
            static Task<int> Work() => Task.FromResult(0);
        }
        """);

    [Fact]
    public Task Top_level_statements_are_not_flagged() => new Verifiers.AnalyzerTest<SyncOverAsyncAnalyzer>(
        Snippets.Usings + "var n = Work().GetAwaiter().GetResult();\nstatic Task<int> Work() => Task.FromResult(0);\n", editorConfig: null)
    {
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
}
