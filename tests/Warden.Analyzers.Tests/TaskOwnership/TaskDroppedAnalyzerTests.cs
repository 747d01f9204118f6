using Warden.Analyzers.CodeFixes.TaskOwnership;
using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.TaskOwnership;

public sealed class TaskDroppedAnalyzerTests
{
    public static TheoryData<string> Dropped => new()
    {
        "void M() { [|Api.DoAsync()|]; }",
        "async Task M() { [|Api.DoAsync()|]; await Task.Yield(); }",
        "void M() { _ = [|Api.DoAsync()|]; }",
        "void M() { [|Task.Run(() => Api.Work())|]; }",
        "void M() { [|Api.GetAsync(1).ContinueWith(t => Console.WriteLine(t.Result))|]; }",
        "void M() { [|Api.DoAsync().ConfigureAwait(false)|]; }",
        "void M() { [|Api.PingAsync()|]; }",
        "void M() { Action a = () => [|Api.DoAsync()|]; }",
        "void M(Func<Task> start) { [|start()|]; }",
        "void M() { [|Task.Delay(10)|]; }",
        "void M(C other) { [|other?.HelperAsync()|]; } Task HelperAsync() => Task.CompletedTask;",
        "void M() { [|Local()|]; async Task Local() => await Task.Yield(); }",
        "async Task M() { _ = [|Task.Run(async () => await Api.DoAsync())|]; await Task.Yield(); }",
        "void M(Warden.BackgroundTasks tasks) { tasks.TryStart(\"audit\", async ct => { [|Api.DoAsync(ct)|]; await Task.Yield(); }); }",
    };

    public static TheoryData<string> Owned => new()
    {
        "async Task M() { await Api.DoAsync(); }",
        "Task M() => Api.DoAsync();",
        "Task M() { return Api.DoAsync(); }",
        "async Task M() { var t = Api.DoAsync(); await t; }",
        "void M(List<Task> pending) { pending.Add(Api.DoAsync()); }",
        "void M(Warden.ITaskGroup group) { group.Spawn(ct => Api.DoAsync(ct)); _ = group.Spawn(ct => Api.DoAsync(ct)); }",
        "void M(Warden.BackgroundTasks tasks) { tasks.TryStart(\"audit\", ct => Api.DoAsync(ct)); }",
        "void M() { Task.FromResult(1); _ = Task.FromException(new InvalidOperationException()); }",
        "void M(Task a, Task b) { Task.WhenAny(a, b); }",
        "void M() { Api.GetAsync(1).ContinueWith(t => Console.WriteLine(t.Exception), TaskContinuationOptions.OnlyOnFaulted); }",
        "void M() { Api.Work(); _ = nameof(Api.DoAsync); }",
        "void M(TaskCompletionSource<int> completion) { completion.SetResult(1); }",
        "Func<Task> M() => () => Api.DoAsync();",
        "async Task M() { await Task.WhenAll(Api.DoAsync(), Api.DoAsync()); }",
        "async Task M() { await using var _ = new System.IO.MemoryStream(); }",
        "Task _current = Task.CompletedTask; void M() { Interlocked.Exchange(ref _current, Task.CompletedTask); }",
        // An expression tree describes the call (a mock's Verify(m => m.SaveAsync())); nothing runs, nothing is dropped.
        "void M() { Verify(() => Api.DoAsync(CancellationToken.None)); } static void Verify(System.Linq.Expressions.Expression<Action> call) { }",
    };

    [Theory]
    [MemberData(nameof(Dropped))]
    public Task Flags_a_task_nobody_keeps(string member) =>
        Verify<TaskDroppedAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Owned))]
    public Task Stays_quiet_when_the_task_has_an_owner(string member) =>
        Verify<TaskDroppedAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Fix_awaits_a_bare_call() =>
        Verify<TaskDroppedAnalyzer>.CodeFixAsync<AwaitDroppedTaskCodeFixProvider>(
            Source("async Task M() { [|Api.DoAsync()|]; }"),
            Source("async Task M() { await Api.DoAsync(); }"));

    [Fact]
    public Task Fix_awaits_a_discard() =>
        Verify<TaskDroppedAnalyzer>.CodeFixAsync<AwaitDroppedTaskCodeFixProvider>(
            Source("async Task M(CancellationToken ct) { _ = [|Api.DoAsync(ct)|]; }"),
            Source("async Task M(CancellationToken ct) { await Api.DoAsync(ct); }"));

    [Fact]
    public Task Fix_all_awaits_every_dropped_task() =>
        Verify<TaskDroppedAnalyzer>.CodeFixAsync<AwaitDroppedTaskCodeFixProvider>(
            Source("async Task M() { [|Api.DoAsync()|]; _ = [|Api.PingAsync()|]; Func<Task> f = async () => { [|Api.DoAsync()|]; await Task.Yield(); }; await f(); }"),
            Source("async Task M() { await Api.DoAsync(); await Api.PingAsync(); Func<Task> f = async () => { await Api.DoAsync(); await Task.Yield(); }; await f(); }"));

    [Fact]
    public Task Fix_is_not_offered_in_sync_code() =>
        Verify<TaskDroppedAnalyzer>.CodeFixAsync<AwaitDroppedTaskCodeFixProvider>(
            Source("void M() { [|Api.DoAsync()|]; }"),
            Source("void M() { [|Api.DoAsync()|]; }"));

    private static string Source(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.WardenRuntime;
}
