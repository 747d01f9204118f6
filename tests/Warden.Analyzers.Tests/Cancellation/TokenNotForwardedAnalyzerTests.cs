using Warden.Analyzers.Cancellation;
using Warden.Analyzers.CodeFixes.Cancellation;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Cancellation;

public sealed class TokenNotForwardedAnalyzerTests
{
    public static TheoryData<string> NotForwarded => new()
    {
        "async Task M(CancellationToken ct) { await Api.DoAsync([|CancellationToken.None|]); }",
        "async Task M(CancellationToken ct) { await Api.DoAsync([|default|]); }",
        "async Task M(CancellationToken ct) { await Api.DoAsync([|default(CancellationToken)|]); }",
        "async Task M(CancellationToken ct) { await Api.DoAsync([|new CancellationToken()|]); }",
        "async Task M(CancellationToken ct) { await [|Api.DoAsync()|]; }",
        "async Task M(CancellationToken ct) { await [|Api.GetAsync(1)|]; }",
        "async Task M(CancellationToken ct) { await [|Task.Delay(100)|]; }",
        "async Task M(CancellationToken ct) { await [|Api.SendAsync(\"hello\")|]; }",
        "async Task M(CancellationToken ct) { await Api.GetAsync(1, cancellationToken: [|CancellationToken.None|]); }",
        "void M(CancellationToken ct) { Func<Task> f = () => [|Api.DoAsync()|]; }",
        "async Task M(CancellationToken ct) { await Local(); Task Local() => [|Api.DoAsync()|]; }",
        "void M() { Func<CancellationToken, Task> f = token => Api.DoAsync([|CancellationToken.None|]); }",
        "async Task M(SemaphoreSlim gate, CancellationToken ct) { await [|gate.WaitAsync()|]; gate.Release(); }",
    };

    public static TheoryData<string> Forwarded => new()
    {
        "async Task M(CancellationToken ct) { await Api.DoAsync(ct); await Api.GetAsync(1, ct); await Task.Delay(100, ct); }",
        "async Task M() { await Api.DoAsync(); await Api.DoAsync(CancellationToken.None); }",
        "async Task M(CancellationToken ct) { using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct); await Api.DoAsync(linked.Token); }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } finally { await Api.DoAsync(CancellationToken.None); } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (InvalidOperationException) { await Api.SendAsync(\"rollback\", CancellationToken.None); } }",
        "void M(CancellationToken ct) { Api.Work(); Console.WriteLine(ct.IsCancellationRequested); }",
        "async Task M(CancellationToken ct) { await Api.SendAsync(\"hello\", ct); }",
        "void M(CancellationToken ct) { Func<Task> f = static () => Api.DoAsync(); }",
        "async Task M(CancellationToken ct) { var list = new List<int>(); list.Add(1); await Task.Yield(); }",
        "async Task M(CancellationToken ct) { await Api.DoAsync(ct).ContinueWith(t => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default); }",
        "Task M(CancellationToken ct, CancellationTokenSource cts) => Api.DoAsync(cts.Token);",
        "void M(CancellationToken ct) { _ = Task.Run(() => Api.Work()); }",
    };

    [Theory]
    [MemberData(nameof(NotForwarded))]
    public Task Flags_a_call_that_does_not_get_the_token_in_scope(string member) =>
        Verify<TokenNotForwardedAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Forwarded))]
    public Task Stays_quiet_when_the_token_is_forwarded_or_deliberately_dropped(string member) =>
        Verify<TokenNotForwardedAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Fix_replaces_none_and_default() =>
        Verify<TokenNotForwardedAnalyzer>.CodeFixAsync<ForwardTokenCodeFixProvider>(
            Source("async Task M(CancellationToken ct) { await Api.DoAsync([|CancellationToken.None|]); await Api.GetAsync(1, [|default|]); }"),
            Source("async Task M(CancellationToken ct) { await Api.DoAsync(ct); await Api.GetAsync(1, ct); }"));

    [Fact]
    public Task Fix_names_an_omitted_optional_token_and_appends_one_for_an_overload() =>
        Verify<TokenNotForwardedAnalyzer>.CodeFixAsync<ForwardTokenCodeFixProvider>(
            Source("async Task M(CancellationToken ct) { await [|Api.GetAsync(1)|]; await [|Task.Delay(100)|]; }"),
            Source("async Task M(CancellationToken ct) { await Api.GetAsync(1, cancellationToken: ct); await Task.Delay(100, ct); }"));

    private static string Source(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api;
}
