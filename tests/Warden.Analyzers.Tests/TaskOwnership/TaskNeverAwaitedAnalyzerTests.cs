using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.TaskOwnership;

public sealed class TaskNeverAwaitedAnalyzerTests
{
    public static TheoryData<string> Unobserved => new()
    {
        "async Task M() { var t = [|Api.DoAsync()|]; await Task.Yield(); }",
        "async Task M(bool invalid) { var t = [|Api.DoAsync()|]; if (invalid) { return; } await t; }",
        "async Task<int> M(bool cached) { var t = [|Api.GetAsync(1)|]; if (cached) { return 0; } return await t; }",
        "async Task M(bool invalid) { var t = [|Api.DoAsync()|]; if (invalid) { throw new InvalidOperationException(); } await t; }",
        "async Task M() { var t = [|Api.DoAsync()|]; t = Api.DoAsync(); await t; }",
        "async Task M(List<int> ids) { Task last = null; foreach (var id in ids) { last = [|Api.GetAsync(id)|]; } await Task.Yield(); }",
        "void M() { Task t = [|Task.Run(() => Api.Work())|]; }",
        "async Task M() { ValueTask ping = [|Api.PingAsync()|]; await Api.DoAsync(); }",
        "async Task M(List<string> messages) { var pending = new List<Task>(); foreach (var m in messages) { pending.Add([|Api.SendAsync(m)|]); } await Task.Yield(); }",
        "async Task M(bool a, bool b) { var t = [|Api.DoAsync()|]; if (a) { await t; } else if (b) { await Task.Yield(); } else { await t; } }",
        "void M() { Func<Task> f = async () => { var inner = [|Api.DoAsync()|]; await Task.Yield(); }; }",
        "async Task M() { await Local(); async Task Local() { var t = [|Api.DoAsync()|]; await Task.Yield(); } }",
        "async Task M(int n) { var t = [|Api.DoAsync()|]; while (n-- > 0) { await Task.Yield(); } }",
    };

    public static TheoryData<string> Observed => new()
    {
        "async Task M() { var t = Api.DoAsync(); await Task.Yield(); await t; }",
        "async Task M(bool invalid) { var t = Api.DoAsync(); try { if (invalid) { return; } } finally { await t; } }",
        "Task M() { var t = Api.DoAsync(); return t; }",
        "async Task M() { var a = Api.DoAsync(); var b = Api.GetAsync(1); await Task.WhenAll(a, b); }",
        "async Task M(bool a) { var t = Api.DoAsync(); if (a) { await t; } else { await t.ConfigureAwait(false); } }",
        "Task field; void M() { var t = Api.DoAsync(); field = t; }",
        "async Task M(List<string> messages) { var pending = new List<Task>(); foreach (var m in messages) { pending.Add(Api.SendAsync(m)); } await Task.WhenAll(pending); }",
        "void M(Warden.BackgroundTasks tasks) { var t = Api.DoAsync(); tasks.TryStart(\"wait\", _ => t); }",
        "async Task M() { var done = Task.CompletedTask; var cached = Task.FromResult(1); await Task.Yield(); }",
        "async Task M(Task existing) { var copy = existing; await Task.Yield(); }",
        "async Task M(CancellationToken ct) { var work = Api.DoAsync(ct); var timeout = Task.Delay(1000, ct); await Task.WhenAny(work, timeout); await work; }",
        "void M() { var t = Api.DoAsync(); t.Wait(); }",
        "async Task M(bool fail) { var t = Api.DoAsync(); try { if (fail) { throw new InvalidOperationException(); } } catch (InvalidOperationException) { } await t; }",
        "async Task M() { var t = Api.DoAsync(); Func<Task> later = () => t; await later(); }",
    };

    [Theory]
    [MemberData(nameof(Unobserved))]
    public Task Flags_a_task_that_can_leave_unobserved(string member) =>
        Verify<TaskNeverAwaitedAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Observed))]
    public Task Stays_quiet_when_every_path_observes_the_task(string member) =>
        Verify<TaskNeverAwaitedAnalyzer>.AnalyzerAsync(Source(member));

    private static string Source(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.WardenRuntime;
}
