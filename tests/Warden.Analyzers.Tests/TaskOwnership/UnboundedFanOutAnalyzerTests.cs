using Warden.Analyzers.CodeFixes.TaskOwnership;
using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.TaskOwnership;

public sealed class UnboundedFanOutAnalyzerTests
{
    public static TheoryData<string> Unbounded => new()
    {
        "async Task M(List<int> ids) { await [|Task.WhenAll(ids.Select(id => Api.GetAsync(id)))|]; }",
        "async Task M(IEnumerable<int> ids, CancellationToken ct) { await [|Task.WhenAll(ids.Select(async id => await Api.GetAsync(id, ct)))|]; }",
        "async Task M(int n) { var ids = Enumerable.Range(1, n).ToList(); await [|Task.WhenAll(ids.Select(id => Api.GetAsync(id)))|]; }",
        "async Task M(int[] ids) { await [|Task.WhenAll(ids.Select(id => Api.GetAsync(id)).ToArray())|]; }",
        "async Task M(List<string> messages) { var tasks = new List<Task>(); foreach (var m in messages) { tasks.Add(Api.SendAsync(m)); } await [|Task.WhenAll(tasks)|]; }",
        "async Task M(List<int> ids) { var tasks = new List<Task<int>>(); for (var i = 0; i < ids.Count; i++) { tasks.Add(Api.GetAsync(ids[i])); } await [|Task.WhenAll(tasks)|]; }",
        "async Task M(List<int> ids) { var tasks = ids.Select(id => Api.GetAsync(id)); await [|Task.WhenAll(tasks)|]; }",
        "async Task M(List<int> ids) { await [|Task.WhenAny(ids.Select(id => Api.GetAsync(id)))|]; }",
        "async Task M(Queue<string> queue) { var tasks = new List<Task>(); while (queue.Count > 0) { tasks.Add(Api.SendAsync(queue.Dequeue())); } await [|Task.WhenAll(tasks)|]; }",
        "Task M(IEnumerable<int> ids) => [|Task.WhenAll(ids.Select(Api.LoadAsync))|];",
        "async Task M(List<string> urls) { var tasks = new List<Task>(); foreach (var url in urls) { tasks.Add(Task.Run(() => Api.SendAsync(url))); } await [|Task.WhenAll(tasks)|]; }",
        "async Task M(Dictionary<int, string> byId) { await [|Task.WhenAll(byId.Keys.Select(id => Api.GetAsync(id)))|]; }",
        // A filtered local is input data unless it comes from a registry: a parameter, a call result, a local assigned
        // again, or a registry with input mixed in stays flagged.
        "async Task M(List<string> providers) { var enabled = providers.Where(p => p.Length > 0).ToArray(); await [|Task.WhenAll(enabled.Select(p => Api.SendAsync(p)))|]; }",
        "List<string> Pending() => new(); async Task M() { var pending = Pending().Where(p => p.Length > 0).ToList(); await [|Task.WhenAll(pending.Select(p => Api.SendAsync(p)))|]; }",
        "readonly List<string> _names = new(); async Task M(List<string> extra) { var names = _names.ToList(); names = extra; await [|Task.WhenAll(names.Select(n => Api.SendAsync(n)))|]; }",
        "readonly List<string> _names = new(); async Task M(List<string> extra) { var names = _names.Concat(extra).ToList(); await [|Task.WhenAll(names.Select(n => Api.SendAsync(n)))|]; }",
        // A Range over the input's size is fan-out, whatever the count is called; so is a Min with no chosen bound.
        "async Task M(List<int> items) { await [|Task.WhenAll(Enumerable.Range(0, items.Count).Select(i => Api.GetAsync(items[i])))|]; }",
        "async Task M(List<int> items) { var workers = items.Count; await [|Task.WhenAll(Enumerable.Range(0, workers).Select(i => Api.GetAsync(i)))|]; }",
        "async Task M(List<int> items, int[] more) { var n = Math.Min(items.Count, more.Length); await [|Task.WhenAll(Enumerable.Range(0, n).Select(i => Api.GetAsync(i)))|]; }",
        "async Task M(int count) { await [|Task.WhenAll(Enumerable.Repeat(1, count).Select(i => Api.GetAsync(i)))|]; }",
    };

    public static TheoryData<string> Bounded => new()
    {
        "async Task M() { await Task.WhenAll(Api.DoAsync(), Api.DoAsync(), Api.DoAsync()); }",
        "async Task M() { await Task.WhenAll(new[] { 1, 2, 3 }.Select(id => Api.GetAsync(id))); }",
        "async Task M() { var regions = new[] { \"eu\", \"us\" }; await Task.WhenAll(regions.Select(r => Api.SendAsync(r))); }",
        "async Task M() { await Task.WhenAll(Enumerable.Range(0, 4).Select(id => Api.GetAsync(id))); }",
        "async Task M(List<int> ids) { await Task.WhenAll(ids.Take(10).Select(id => Api.GetAsync(id))); }",
        "async Task M(List<int> ids) { foreach (var batch in ids.Chunk(16)) { await Task.WhenAll(batch.Select(id => Api.GetAsync(id))); } }",
        "async Task M(List<int> ids, SemaphoreSlim gate) { await Task.WhenAll(ids.Select(async id => { await gate.WaitAsync(); try { return await Api.GetAsync(id); } finally { gate.Release(); } })); }",
        "async Task M(List<string> messages, SemaphoreSlim gate) { var tasks = new List<Task>(); foreach (var m in messages) { await gate.WaitAsync(); tasks.Add(Api.SendAsync(m)); } await Task.WhenAll(tasks); }",
        "async Task M(List<string> messages) { var tasks = new List<Task>(); foreach (var m in messages) { if (tasks.Count >= 8) { tasks.Remove(await Task.WhenAny(tasks)); } tasks.Add(Api.SendAsync(m)); } await Task.WhenAll(tasks); }",
        "async Task M(List<int> ids, CancellationToken ct) { await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) => await Api.GetAsync(id, token)); }",
        "async Task M(List<int> ids) { await Warden.TaskGroup.SelectAsync(ids, 8, async (id, ct) => await Api.GetAsync(id, ct)); }",
        "async Task M(IEnumerable<Task> tasks) { await Task.WhenAll(tasks); }",
        "async Task M(List<Job> jobs) { await Task.WhenAll(jobs.Select(j => j.Completion)); } public class Job { public Task Completion => Task.CompletedTask; }",
        "async Task M(int workers) { var tasks = new List<Task>(); for (var i = 0; i < workers; i++) { tasks.Add(Api.DoAsync()); } await Task.WhenAll(tasks); }",
        "static readonly string[] Regions = { \"eu\", \"us\", \"ap\" }; async Task M() { await Task.WhenAll(Regions.Select(r => Api.SendAsync(r))); }",
        "readonly List<Func<Task>> _handlers = new(); async Task M() { await Task.WhenAll(_handlers.Select(h => h())); }",
        "readonly List<Func<Task>> _handlers = new(); async Task M() { var ready = _handlers.Where(h => h != null).ToArray(); await Task.WhenAll(ready.Select(h => h())); }",
        "readonly List<string> _providers = new(); async Task M(CancellationToken ct) { var providers = _providers.Where(p => p.Length > 0).OrderBy(p => p).ToArray(); var tasks = providers.Select(async p => await Api.SendAsync(p, ct)); await Task.WhenAll(tasks); }",
        "public IReadOnlyList<string> Regions { get; } = new List<string>(); async Task M() { var active = Regions.OfType<string>().ToList(); await Task.WhenAll(active.Where(r => r != \"eu\").Select(r => Api.SendAsync(r))); }",
        "int _workerCount = 4; async Task M() { await Task.WhenAll(Enumerable.Range(0, _workerCount).Select(_ => Api.DoAsync())); }",
        // Worker pools: a chosen number of identical workers drain a shared queue.
        "int _maxWorkers = 4; async Task M(Queue<int> queue) { var workers = Math.Min(queue.Count, _maxWorkers); await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Api.DoAsync())); }",
        "async Task M(List<int> items) { var workers = Math.Min(items.Count, 8); await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Api.DoAsync())); }",
        "static Task Repeat(Func<Task> taskFactory, int? degreeOfParallelism = null) => Task.WhenAll(Enumerable.Repeat(taskFactory, degreeOfParallelism ?? 2).Select(f => f()));",
        "async Task M(int maxConcurrency) { await Task.WhenAll(Enumerable.Range(0, maxConcurrency).Select(_ => Api.DoAsync())); }",
    };

    [Theory]
    [MemberData(nameof(Unbounded))]
    public Task Flags_fan_out_over_a_collection_of_unknown_size(string member) =>
        Verify<UnboundedFanOutAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Bounded))]
    public Task Stays_quiet_on_fixed_sets_and_visible_limits(string member) =>
        Verify<UnboundedFanOutAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Fix_rewrites_select_into_task_group_select_with_a_named_limit() =>
        Verify<UnboundedFanOutAnalyzer>.CodeFixAsync<BoundFanOutCodeFixProvider>(
            Source("async Task<int[]> M(List<int> ids, CancellationToken cancellationToken) { return await [|Task.WhenAll(ids.Select(id => Api.GetAsync(id, cancellationToken)))|]; }"),
            FixedSource("async Task<int[]> M(List<int> ids, CancellationToken cancellationToken) { return await TaskGroup.SelectAsync(ids, MaxConcurrency, async (id, ct) => await Api.GetAsync(id, cancellationToken), cancellationToken); }"));

    [Fact]
    public Task Fix_keeps_an_async_body_and_uses_for_each_for_tasks_without_results() =>
        Verify<UnboundedFanOutAnalyzer>.CodeFixAsync<BoundFanOutCodeFixProvider>(
            Source("async Task M(List<string> messages) { await [|Task.WhenAll(messages.Select(async m => { await Api.SendAsync(m); }))|]; }"),
            FixedSource("async Task M(List<string> messages) { await TaskGroup.ForEachAsync(messages, MaxConcurrency, async (m, ct) => { await Api.SendAsync(m); }); }"));

    [Fact]
    public Task Fix_all_adds_the_constant_once() =>
        Verify<UnboundedFanOutAnalyzer>.CodeFixAsync<BoundFanOutCodeFixProvider>(
            Source("async Task M(List<int> a, List<int> b) { await [|Task.WhenAll(a.Select(Api.LoadAsync))|]; await [|Task.WhenAll(b.Select(id => Api.GetAsync(id)))|]; }"),
            FixedSource("async Task M(List<int> a, List<int> b) { await TaskGroup.SelectAsync(a, MaxConcurrency, async (item, ct) => await Api.LoadAsync(item)); await TaskGroup.SelectAsync(b, MaxConcurrency, async (id, ct) => await Api.GetAsync(id)); }"));

    [Fact]
    public Task Fix_is_not_offered_without_the_warden_runtime() =>
        Verify<UnboundedFanOutAnalyzer>.CodeFixAsync<BoundFanOutCodeFixProvider>(
            SourceWithoutRuntime("async Task M(List<int> ids) { await [|Task.WhenAll(ids.Select(id => Api.GetAsync(id)))|]; }"),
            SourceWithoutRuntime("async Task M(List<int> ids) { await [|Task.WhenAll(ids.Select(id => Api.GetAsync(id)))|]; }"));

    private static string Source(string member) => SourceWithoutRuntime(member) + StandInSources.WardenRuntime;

    private static string SourceWithoutRuntime(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api;

    private static string FixedSource(string member) =>
        StandInSources.Usings.TrimEnd() + "\nusing Warden;\n\npublic class C\n{\n    // How many calls may run at once: choose what the downstream service can take.\n    private const int MaxConcurrency = 8;\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.WardenRuntime;
}
