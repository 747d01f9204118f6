using Warden.Analyzers.Blocking;
using Warden.Analyzers.CodeFixes.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.CodeFixes;

public sealed class BlockingWaitCodeFixTests
{
    [Theory]
    [InlineData("var s = [|Api.GetAsync().Result|];", "var s = await Api.GetAsync();")]
    [InlineData("var n = [|t.Result|].ToString();", "var n = (await t).ToString();")]
    [InlineData("[|t.Wait()|];", "await t;")]
    [InlineData("var s = [|Api.GetAsync().GetAwaiter().GetResult()|];", "var s = await Api.GetAsync();")]
    [InlineData("var s = [|Api.GetAsync().ConfigureAwait(false).GetAwaiter().GetResult()|];", "var s = await Api.GetAsync().ConfigureAwait(false);")]
    [InlineData("var n = [|Api.CountAsync().Result|];", "var n = await Api.CountAsync();")]
    [InlineData("[|Task.WaitAll(t, u)|];", "await Task.WhenAll(t, u);")]
    [InlineData("using var gate = new SemaphoreSlim(1);\n        [|gate.Wait(ct)|];", "using var gate = new SemaphoreSlim(1);\n        await gate.WaitAsync(ct);")]
    [InlineData("using var gate = new SemaphoreSlim(1); var ok = [|gate.Wait(100)|];", "using var gate = new SemaphoreSlim(1); var ok = await gate.WaitAsync(100);")]
    public Task Blocking_wait_becomes_an_await(string body, string fixedBody) =>
        Verify<BlockingWaitAnalyzer>.CodeFixAsync<BlockingWaitCodeFixProvider>(Snippets.InAsyncMethod(body), Snippets.InAsyncMethod(fixedBody));

    [Fact]
    public Task Fix_all_rewrites_every_wait_in_the_document() => Verify<BlockingWaitAnalyzer>.CodeFixAsync<BlockingWaitCodeFixProvider>(
        Snippets.InAsyncMethod("var a = [|t.Result|];\n        var b = [|u.GetAwaiter().GetResult()|];\n        [|Api.DoAsync().Wait()|];\n        Func<Task<string>> f = async () => [|Api.GetAsync().Result|];"),
        Snippets.InAsyncMethod("var a = await t;\n        var b = await u;\n        await Api.DoAsync();\n        Func<Task<string>> f = async () => await Api.GetAsync();"));

    [Theory]
    [InlineData("var ok = [|t.Wait(100)|];")]
    [InlineData("var i = [|Task.WaitAny(t, u)|];")]
    [InlineData("[|Task.WaitAll(new Task[] { t, u }, 100)|];")]
    [InlineData("using var ready = new ManualResetEventSlim(); [|ready.Wait()|];")]
    [InlineData("lock (this) { var n = [|t.Result|]; }")]
    public Task Waits_whose_async_form_changes_behaviour_get_no_fix(string body)
    {
        var source = Snippets.InAsyncMethod(body);
        return Verify<BlockingWaitAnalyzer>.CodeFixAsync<BlockingWaitCodeFixProvider>(source, source);
    }
}
