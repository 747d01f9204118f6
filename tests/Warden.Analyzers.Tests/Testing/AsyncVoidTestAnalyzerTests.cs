using Warden.Analyzers.CodeFixes.TaskOwnership;
using Warden.Analyzers.Testing;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Testing;

public sealed class AsyncVoidTestAnalyzerTests
{
    public static TheoryData<string> AsyncVoidTests => new()
    {
        "[Xunit.Fact] public async void {|WD702:Saves|}() { await Api.DoAsync(); }",
        "[Xunit.Theory, Xunit.InlineData(1)] public async void {|WD702:Loads|}(int id) { await Api.GetAsync(id); }",
        "[NUnit.Framework.Test] public async void {|WD702:Sends|}() { await Api.SendAsync(\"x\"); }",
        "[NUnit.Framework.TestCase(1)] public async void {|WD702:Gets|}(int id) { await Api.GetAsync(id); }",
        "[Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public async void {|WD702:Pings|}() { await Api.PingAsync(); }",
        "[Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethod] public async void {|WD702:Runs|}() { await Task.Yield(); }",
        "[SlowFact] public async void {|WD702:Slow|}() { await Task.Yield(); } public class SlowFactAttribute : Xunit.FactAttribute { }",
        "[Xunit.Fact] async void {|WD702:Private|}() => await Task.Yield();",
        "[Xunit.Fact] public static async void {|WD702:Static|}() { await Task.Yield(); }",
        "[Xunit.Fact, Obsolete] public async void {|WD702:Old|}() { await Task.Yield(); }",
    };

    public static TheoryData<string> Fine => new()
    {
        "[Xunit.Fact] public async Task Saves() { await Api.DoAsync(); }",
        "[Xunit.Fact] public void Sync() { Api.Work(); }",
        "[NUnit.Framework.Test] public async Task Sends() { await Api.SendAsync(\"x\"); }",
        "[Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public async ValueTask Pings() { await Api.PingAsync(); }",
        "public async void NotATest() { await Task.Yield(); }",
        "[Obsolete] public async void Attributed() { await Task.Yield(); }",
        "[Xunit.Fact] public Task Returns() => Api.DoAsync();",
        "[Xunit.Fact] public void Lambda() { Action a = async () => await Task.Yield(); }",
        "[Xunit.Fact] public void Local() { async void Inner() => await Task.Yield(); Inner(); }",
        "[Xunit.Theory, Xunit.InlineData(1)] public async Task<int> Loads(int id) => await Api.GetAsync(id);",
    };

    public static TheoryData<string, string, string> Consequences => new()
    {
        { "[Xunit.Fact]", "", "xunit v2 waits for it, but xunit v3 no longer supports async void tests" },
        { "[Xunit.Fact]", "namespace Xunit { public static class TestContext { } }", "xunit v3 no longer supports async void tests" },
        { "[NUnit.Framework.Test]", "", "NUnit refuses to run it (not runnable: an async test must not return void)" },
        { "[Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]", "", "MSTest leaves it out of the run (UTA007 in the discovery log only), so it never fails" },
        { "[TUnit.Core.Test]", "namespace TUnit.Core { public class TestAttribute : Attribute { } }", "TUnit cannot await it" },
    };

    [Theory]
    [MemberData(nameof(Consequences))]
    public Task The_message_says_what_the_tests_framework_does_with_it(string attribute, string extraSource, string consequence) =>
        Verify<AsyncVoidTestAnalyzer>.AnalyzerAsync(
            Source(attribute + " public async void {|#0:Saves|}() { await Api.DoAsync(); }") + extraSource,
            Verify<AsyncVoidTestAnalyzer>.Diagnostic(0).WithArguments("Saves", consequence));

    [Theory]
    [MemberData(nameof(AsyncVoidTests))]
    public Task Flags_async_void_tests_of_every_framework(string member) =>
        Verify<AsyncVoidTestAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Fine))]
    public Task Stays_quiet_on_task_returning_tests_and_non_tests(string member) =>
        Verify<AsyncVoidTestAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Fix_returns_task_for_every_test() =>
        Verify<AsyncVoidTestAnalyzer>.CodeFixAsync<ReturnTaskCodeFixProvider>(
            Source("[Xunit.Fact] public async void {|WD702:A|}() { await Task.Yield(); } [NUnit.Framework.Test] public async void {|WD702:B|}() { await Task.Yield(); }"),
            Source("[Xunit.Fact] public async Task A() { await Task.Yield(); } [NUnit.Framework.Test] public async Task B() { await Task.Yield(); }"));

    private static string Source(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.TestFrameworks;
}
