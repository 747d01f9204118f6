using Warden.Analyzers.CodeFixes.Testing;
using Warden.Analyzers.Testing;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Testing;

public sealed class SleepingTestAnalyzerTests
{
    public static TheoryData<string> Sleeping => new()
    {
        "[Xunit.Fact] public void T() { Api.Work(); [|Thread.Sleep(500)|]; }",
        "[Xunit.Fact] public async Task T() { _ = Api.DoAsync(); await [|Task.Delay(500)|]; }",
        "[Xunit.Theory, Xunit.InlineData(1)] public async Task T(int id) { await [|Task.Delay(TimeSpan.FromMilliseconds(id))|]; }",
        "[NUnit.Framework.Test] public void T() { [|Thread.Sleep(TimeSpan.FromSeconds(1))|]; }",
        "[NUnit.Framework.TestCase(1)] public async Task T(int id) { await [|Task.Delay(id)|]; }",
        "[Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public void T() { [|Thread.Sleep(100)|]; }",
        "[Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethod] public async Task T() { await [|Task.Delay(100)|]; }",
        "[Xunit.Fact] public async Task T() { var done = false; while (!done) { await [|Task.Delay(50)|]; } }",
        "[Xunit.Fact] public async Task T() { await [|Task.Delay(100)|].ConfigureAwait(false); }",
        "[Xunit.Fact] public async Task T() { for (var i = 0; i < 10; i++) { await [|Task.Delay(10, CancellationToken.None)|]; } }",
        "[SlowFact] public void T() { [|Thread.Sleep(100)|]; } public class SlowFactAttribute : Xunit.FactAttribute { }",
    };

    public static TheoryData<string> NotSleeping => new()
    {
        "public void Helper() { Thread.Sleep(100); }",
        "public async Task HelperAsync() { await Task.Delay(100); }",
        "[Xunit.Fact] public async Task T() { var slow = Task.Delay(100); await slow; }",
        "[Xunit.Fact] public async Task T() { Func<Task<int>> fake = async () => { await Task.Delay(50); return 1; }; Xunit.Assert.Equal(1, await fake()); }",
        "[Xunit.Fact] public async Task T(TimeProvider clock) { await Task.Delay(TimeSpan.FromSeconds(5), clock); }",
        "[Xunit.Fact] public async Task T() { await Task.WhenAny(Api.DoAsync(), Task.Delay(1000)); }",
        "[Xunit.Fact] public async Task T() { await Task.Run(() => Thread.Sleep(10)); }",
        "[Xunit.Fact] public async Task T() { var completion = new TaskCompletionSource(); _ = Task.Run(() => completion.SetResult()); await completion.Task.WaitAsync(TimeSpan.FromSeconds(30)); }",
        "[Xunit.Fact] public void T() { void Wait() => Thread.Sleep(10); Wait(); }",
        "[Xunit.Fact] public Task T() => Task.Delay(10);",
        "[Obsolete] public void T() { Thread.Sleep(10); }",
    };

    [Theory]
    [MemberData(nameof(Sleeping))]
    public Task Flags_a_test_that_sleeps_to_wait(string member) =>
        Verify<SleepingTestAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(NotSleeping))]
    public Task Stays_quiet_on_delays_under_test_and_helpers(string member) =>
        Verify<SleepingTestAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Stays_quiet_without_a_test_framework() =>
        Verify<SleepingTestAnalyzer>.AnalyzerAsync(StandInSources.Usings + "public class C { [Fact] public void T() { Thread.Sleep(10); } } public class FactAttribute : Attribute { }");

    [Fact]
    public Task Fix_turns_a_polling_loop_into_eventually() =>
        Verify<SleepingTestAnalyzer>.CodeFixAsync<UseEventuallyCodeFixProvider>(
            Source("[Xunit.Fact] public async Task T() { var done = false; while (!done) { await [|Task.Delay(50)|]; } }", withTesting: true),
            Fixed("[Xunit.Fact] public async Task T() { var done = false; await Eventually.UntilAsync(() => done, TimeSpan.FromSeconds(30)); }"));

    [Fact]
    public Task Fix_waits_for_the_asserted_condition_and_makes_a_sync_test_async() =>
        Verify<SleepingTestAnalyzer>.CodeFixAsync<UseEventuallyCodeFixProvider>(
            Source("public bool Received; [Xunit.Fact] public void T() { [|Thread.Sleep(500)|]; Xunit.Assert.True(Received); }", withTesting: true),
            Fixed("public bool Received; [Xunit.Fact] public async Task T() { await Eventually.UntilAsync(() => Received, TimeSpan.FromSeconds(30)); Xunit.Assert.True(Received); }"));

    [Fact]
    public Task Fix_all_rewrites_every_wait() =>
        Verify<SleepingTestAnalyzer>.CodeFixAsync<UseEventuallyCodeFixProvider>(
            Source("public bool A; public bool B; [Xunit.Fact] public async Task T() { await [|Task.Delay(50)|]; Xunit.Assert.True(A); await [|Task.Delay(50)|]; Xunit.Assert.False(B); }", withTesting: true),
            Fixed("public bool A; public bool B; [Xunit.Fact] public async Task T() { await Eventually.UntilAsync(() => A, TimeSpan.FromSeconds(30)); Xunit.Assert.True(A); await Eventually.UntilAsync(() => !B, TimeSpan.FromSeconds(30)); Xunit.Assert.False(B); }"));

    [Fact]
    public Task Fix_all_makes_a_sync_test_with_two_sleeps_async_once() =>
        Verify<SleepingTestAnalyzer>.CodeFixAsync<UseEventuallyCodeFixProvider>(
            Source("public bool A; public bool B; [Xunit.Fact] public void T() { [|Thread.Sleep(50)|]; Xunit.Assert.True(A); [|Thread.Sleep(50)|]; Xunit.Assert.False(B); }", withTesting: true),
            Fixed("public bool A; public bool B; [Xunit.Fact] public async Task T() { await Eventually.UntilAsync(() => A, TimeSpan.FromSeconds(30)); Xunit.Assert.True(A); await Eventually.UntilAsync(() => !B, TimeSpan.FromSeconds(30)); Xunit.Assert.False(B); }"));

    [Fact]
    public Task Fix_is_not_offered_without_warden_testing() =>
        Verify<SleepingTestAnalyzer>.CodeFixAsync<UseEventuallyCodeFixProvider>(
            Source("public bool Received; [Xunit.Fact] public void T() { [|Thread.Sleep(500)|]; Xunit.Assert.True(Received); }"),
            Source("public bool Received; [Xunit.Fact] public void T() { [|Thread.Sleep(500)|]; Xunit.Assert.True(Received); }"));

    private static string Source(string member, bool withTesting = false) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.TestFrameworks
        + (withTesting ? StandInSources.WardenTesting : string.Empty);

    private static string Fixed(string member) =>
        StandInSources.Usings.TrimEnd() + "\nusing Warden.Testing;\n\npublic class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.TestFrameworks + StandInSources.WardenTesting;
}
