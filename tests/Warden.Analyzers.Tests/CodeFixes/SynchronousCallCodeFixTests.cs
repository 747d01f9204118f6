using Warden.Analyzers.Blocking;
using Warden.Analyzers.CodeFixes.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.CodeFixes;

public sealed class SynchronousCallCodeFixTests
{
    [Theory]
    [InlineData("var text = [|File.ReadAllText(\"a.txt\")|];", "var text = await File.ReadAllTextAsync(\"a.txt\", ct);")]
    [InlineData("var size = [|File.ReadAllText(\"a.txt\")|].Length;", "var size = (await File.ReadAllTextAsync(\"a.txt\", ct)).Length;")]
    [InlineData("using var reader = new StreamReader(\"a\"); var line = [|reader.ReadLine()|];", "using var reader = new StreamReader(\"a\"); var line = await reader.ReadLineAsync(ct);")]
    [InlineData("using var file = File.OpenRead(\"a\"); var buffer = new byte[4]; var n = [|file.Read(buffer, 0, 4)|];", "using var file = File.OpenRead(\"a\"); var buffer = new byte[4]; var n = await file.ReadAsync(buffer, 0, 4, ct);")]
    [InlineData("[|File.WriteAllText(path: \"a\", contents: \"b\")|];", "await File.WriteAllTextAsync(path: \"a\", contents: \"b\", cancellationToken: ct);")]
    [InlineData("using var http = new HttpClient(); using var r = [|http.Send(new HttpRequestMessage())|];", "using var http = new HttpClient(); using var r = await http.SendAsync(new HttpRequestMessage(), ct);")]
    public Task Sync_call_becomes_the_awaited_counterpart_with_the_token(string body, string fixedBody) =>
        Verify<SynchronousCallAnalyzer>.CodeFixAsync<SynchronousCallCodeFixProvider>(Snippets.InAsyncMethod(body), Snippets.InAsyncMethod(fixedBody));

    [Fact]
    public Task Without_a_token_in_scope_the_counterpart_is_called_without_one() => Verify<SynchronousCallAnalyzer>.CodeFixAsync<SynchronousCallCodeFixProvider>(
        Snippets.InClass("async Task<string> M() => [|File.ReadAllText(\"a\")|];"),
        Snippets.InClass("async Task<string> M() => await File.ReadAllTextAsync(\"a\");"));

    [Fact]
    public Task Fix_all_rewrites_every_call() => Verify<SynchronousCallAnalyzer>.CodeFixAsync<SynchronousCallCodeFixProvider>(
        Snippets.InAsyncMethod("var a = [|File.ReadAllText(\"a\")|];\n        [|File.WriteAllText(\"b\", a)|];"),
        Snippets.InAsyncMethod("var a = await File.ReadAllTextAsync(\"a\", ct);\n        await File.WriteAllTextAsync(\"b\", a, ct);"));

    [Fact]
    public Task A_span_read_gets_no_fix_because_the_arguments_differ()
    {
        var source = Snippets.InAsyncMethod("using var file = File.OpenRead(\"a\"); var buffer = new byte[4]; var n = [|file.Read(buffer.AsSpan())|];");
        return Verify<SynchronousCallAnalyzer>.CodeFixAsync<SynchronousCallCodeFixProvider>(source, source);
    }
}
