using Warden.Analyzers.Cancellation;
using Warden.Analyzers.CodeFixes.Cancellation;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Cancellation;

public sealed class SwallowedCancellationAnalyzerTests
{
    public static TheoryData<string> Swallowed => new()
    {
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } [|catch (Exception)|] { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } [|catch|] { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } [|catch (Exception ex)|] { Console.WriteLine(ex); } }",
        "async Task<bool> M(CancellationToken ct) { try { await Api.DoAsync(ct); return true; } [|catch (OperationCanceledException)|] { return false; } }",
        "async Task<bool> M(CancellationToken ct) { try { await Api.DoAsync(ct); return true; } [|catch (TaskCanceledException)|] { return false; } }",
        "async Task M(CancellationToken ct) { while (true) { try { await Api.DoAsync(ct); } [|catch (Exception ex)|] { Console.WriteLine(ex.Message); } } }",
        "async Task M(CancellationToken ct) { while (true) { try { await Api.DoAsync(ct); } [|catch (OperationCanceledException)|] { Console.WriteLine(\"cancelled\"); } } }",
        "async Task M(CancellationToken ct) { try { ct.ThrowIfCancellationRequested(); await Task.Yield(); } [|catch (Exception)|] { } }",
        "void M(CancellationToken ct) { Func<Task> f = async () => { try { await Task.Delay(100, ct); await Api.DoAsync(ct); } [|catch (Exception)|] { } }; }",
        "async Task M(CancellationToken ct, int attempt) { try { await Api.DoAsync(ct); } [|catch (Exception)|] when (attempt < 3) { } }",
        "async Task<int> M(CancellationToken ct) { try { return await Api.GetAsync(1, ct); } [|catch (Exception ex)|] { Console.WriteLine(ex); return -1; } }",
        "async Task M(CancellationToken ct) { await Local(); async Task Local() { try { await Api.DoAsync(ct); } [|catch|] { } } }",
        "async Task M(CancellationToken ct) { try { using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct); await Api.DoAsync(linked.Token); } [|catch (Exception)|] { } }",
    };

    public static TheoryData<string> Propagated => new()
    {
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception ex) when (ex is not OperationCanceledException) { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception ex) when (!(ex is OperationCanceledException)) { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (OperationCanceledException) { throw; } catch (Exception) { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception) { Console.WriteLine(); throw; } }",
        "async Task M(CancellationToken ct) { while (true) { try { await Api.DoAsync(ct); } catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; } } }",
        "async Task M(CancellationToken ct) { try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { } }",
        "async Task M(CancellationToken ct) { while (true) { try { await Api.DoAsync(ct); } catch (OperationCanceledException) { break; } } }",
        "async Task M() { try { await Api.DoAsync(); } catch (Exception) { } }",
        "void M(CancellationToken ct) { try { Api.DoAsync(ct).Wait(); } catch (Exception) { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (InvalidOperationException) { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception ex) { throw new InvalidOperationException(\"wrapped\", ex); } }",
        "async Task M(CancellationToken ct, TaskCompletionSource<int> result) { try { await Api.DoAsync(ct); } catch (Exception ex) { result.TrySetException(ex); } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception) when (ct.IsCancellationRequested) { } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception first) { try { await Api.DoAsync(ct); } catch (Exception) { } throw; } }",
        "async Task M(CancellationToken ct) { try { await Api.DoAsync(CancellationToken.None); } catch (Exception) { } }",
        "async Task M(CancellationToken ct) { while (!ct.IsCancellationRequested) { try { await Api.DoAsync(ct); } catch (OperationCanceledException) { } } }",
        "async Task M() { try { using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)); await Api.DoAsync(timeout.Token); } catch (Exception) { } }",
        "async Task M(CancellationToken ct) { while (true) { try { await Task.Delay(1000, ct).ConfigureAwait(false); } catch { } if (ct.IsCancellationRequested) { return; } await Api.DoAsync(ct); } }",
        "async Task M(CancellationToken ct, List<Exception> failures) { try { await Api.DoAsync(ct); } catch (Exception ex) { failures.Add(ex); } if (failures.Count > 0) { throw new AggregateException(failures); } }",
    };

    [Theory]
    [MemberData(nameof(Swallowed))]
    public Task Flags_a_catch_that_eats_cancellation(string member) =>
        Verify<SwallowedCancellationAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Propagated))]
    public Task Stays_quiet_when_cancellation_propagates_or_ends_the_work(string member) =>
        Verify<SwallowedCancellationAnalyzer>.AnalyzerAsync(Source(member));

    [Fact]
    public Task Fix_adds_the_filter_to_catch_exception() =>
        Verify<SwallowedCancellationAnalyzer>.CodeFixAsync<AddCancellationFilterCodeFixProvider>(
            Source("async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } [|catch (Exception ex)|] { Console.WriteLine(ex); } }"),
            Source("async Task M(CancellationToken ct) { try { await Api.DoAsync(ct); } catch (Exception ex) when (ex is not OperationCanceledException) { Console.WriteLine(ex); } }"));

    [Fact]
    public Task Fix_names_the_exception_of_a_bare_catch_and_keeps_an_existing_filter() =>
        Verify<SwallowedCancellationAnalyzer>.CodeFixAsync<AddCancellationFilterCodeFixProvider>(
            Source("async Task M(CancellationToken ct, int attempt) { try { await Api.DoAsync(ct); } [|catch|] { } try { await Api.DoAsync(ct); } [|catch (Exception)|] when (attempt < 3) { } }"),
            Source("async Task M(CancellationToken ct, int attempt) { try { await Api.DoAsync(ct); } catch (Exception ex) when (ex is not OperationCanceledException) { } try { await Api.DoAsync(ct); } catch (Exception ex) when (ex is not OperationCanceledException && (attempt < 3)) { } }"));

    [Fact]
    public Task Fix_lets_the_callers_cancellation_through_a_cancellation_catch() =>
        Verify<SwallowedCancellationAnalyzer>.CodeFixAsync<AddCancellationFilterCodeFixProvider>(
            Source("async Task<bool> M(CancellationToken ct) { try { await Api.DoAsync(ct); return true; } [|catch (OperationCanceledException)|] { return false; } }"),
            Source("async Task<bool> M(CancellationToken ct) { try { await Api.DoAsync(ct); return true; } catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return false; } }"));

    private static string Source(string member) =>
        StandInSources.Usings + "public class C\n{\n    " + member + "\n}\n" + StandInSources.Api;
}
