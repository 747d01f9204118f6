using Warden.Analyzers.CodeFixes.TaskOwnership;
using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.TaskOwnership;

public sealed class AsyncVoidAnalyzerTests
{
    public static TheoryData<string> AsyncVoid => new()
    {
        "public async void {|WD302:Refresh|}() { await Api.DoAsync(); }",
        "private async void {|WD302:Save|}(int id) { await Api.GetAsync(id); }",
        "async void {|WD302:Fire|}() => await Task.Yield();",
        "public static async void {|WD302:Start|}(string name) { await Api.SendAsync(name); }",
        "void M() { async void {|WD302:Local|}() => await Task.Yield(); Local(); }",
        "void M() { Action a = {|WD302:async|} () => await Api.DoAsync(); }",
        "void M(List<int> ids) { ids.ForEach({|WD302:async|} id => await Api.GetAsync(id)); }",
        "void M() { var timer = new Timer({|WD302:async|} _ => await Api.DoAsync(), null, 0, 1000); }",
        "void M() { Action<int> a = {|WD302:async|} delegate (int id) { await Api.GetAsync(id); }; }",
        "async void {|WD302:OnChanged|}(object sender, string value) { await Api.SendAsync(value); }",
        "async void {|WD302:OnTick|}(int sender, EventArgs e) { await Api.DoAsync(); }",
        "void M() { System.Threading.Tasks.Parallel.ForEach(new[] { 1, 2 }, {|WD302:async|} id => await Api.GetAsync(id)); }",
    };

    public static TheoryData<string> Allowed => new()
    {
        "public async Task Refresh() { await Api.DoAsync(); }",
        "public async ValueTask RefreshAsync() { await Api.DoAsync(); }",
        "public void Sync() { Api.Work(); }",
        "private async void OnClick(object sender, EventArgs e) { await Api.DoAsync(); }",
        "private async void OnProgress(object sender, UnhandledExceptionEventArgs e) { await Api.DoAsync(); }",
        "void M(EventHandler handler) { handler += async (s, e) => await Api.DoAsync(); }",
        "void M() { Func<Task> f = async () => await Api.DoAsync(); }",
        "void M() { Func<int, Task<int>> f = async id => await Api.GetAsync(id); }",
        "void M() { async Task Local() => await Task.Yield(); _ = Local(); }",
        "void M() { Action a = () => Api.Work(); }",
        "[Xunit.Fact] public async void Test() { await Api.DoAsync(); }",
    };

    [Theory]
    [MemberData(nameof(AsyncVoid))]
    public Task Flags_async_void(string member) =>
        Verify<AsyncVoidAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Allowed))]
    public Task Stays_quiet_on_tasks_event_handlers_and_tests(string member) =>
        Verify<AsyncVoidAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Stays_quiet_on_overrides_and_interface_implementations() =>
        Verify<AsyncVoidAnalyzer>.AnalyzerAsync(StandInSources.Usings + """
            public interface IRunner { void Run(); }
            public abstract class Page { protected abstract void OnAppearing(); }
            public class C : Page, IRunner
            {
                public async void Run() => await Api.DoAsync();
                protected override async void OnAppearing() => await Api.DoAsync();
            }
            """ + StandInSources.Api);

    [Fact]
    public Task Option_flags_event_handlers_too() =>
        Verify<AsyncVoidAnalyzer>.AnalyzerWithOptionsAsync(
            Source("private async void {|WD302:OnClick|}(object sender, EventArgs e) { await Api.DoAsync(); }"),
            "warden.WD302.allow_event_handlers = false");

    [Fact]
    public Task Fix_returns_task() =>
        Verify<AsyncVoidAnalyzer>.CodeFixAsync<ReturnTaskCodeFixProvider>(
            Source("public async void {|WD302:Refresh|}() { await Api.DoAsync(); }"),
            Source("public async Task Refresh() { await Api.DoAsync(); }"));

    [Fact]
    public Task Fix_all_returns_task_for_methods_and_local_functions() =>
        Verify<AsyncVoidAnalyzer>.CodeFixAsync<ReturnTaskCodeFixProvider>(
            Source("async void {|WD302:A|}() => await Task.Yield(); async void {|WD302:B|}() { await Task.Yield(); } void M() { async void {|WD302:Local|}() => await Task.Yield(); }"),
            Source("async Task A() => await Task.Yield(); async Task B() { await Task.Yield(); } void M() { async Task Local() => await Task.Yield(); }"));

    [Fact]
    public Task Fix_is_not_offered_when_the_method_is_used_as_a_delegate() =>
        Verify<AsyncVoidAnalyzer>.CodeFixAsync<ReturnTaskCodeFixProvider>(
            Source("async void {|WD302:Tick|}() => await Task.Yield(); void M() { Action a = Tick; }"),
            Source("async void {|WD302:Tick|}() => await Task.Yield(); void M() { Action a = Tick; }"));

    private static string Source(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.TestFrameworks;
}
