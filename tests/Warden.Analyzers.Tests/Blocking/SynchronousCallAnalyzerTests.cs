using Warden.Analyzers.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Blocking;

public sealed class SynchronousCallAnalyzerTests
{
    [Theory]
    [InlineData("var text = [|File.ReadAllText(\"a.txt\")|];")]
    [InlineData("[|File.WriteAllText(\"a.txt\", \"x\")|];")]
    [InlineData("var lines = [|File.ReadAllLines(\"a.txt\")|];")]
    [InlineData("using var reader = new StreamReader(\"a.txt\"); var all = [|reader.ReadToEnd()|];")]
    [InlineData("using var reader = new StreamReader(\"a.txt\"); var line = [|reader.ReadLine()|];")]
    [InlineData("using var writer = new StreamWriter(\"a.txt\"); [|writer.WriteLine(\"x\")|];")]
    [InlineData("using var process = System.Diagnostics.Process.Start(\"true\")!; [|process.WaitForExit()|];")]
    [InlineData("using var file = File.OpenRead(\"a.txt\"); var buffer = new byte[8]; var n = [|file.Read(buffer, 0, 8)|];")]
    [InlineData("using var file = File.OpenRead(\"a.txt\"); var buffer = new byte[8]; var n = [|file.Read(buffer.AsSpan())|];")]
    [InlineData("using var file = File.OpenWrite(\"a.txt\"); [|file.Flush()|];")]
    [InlineData("using var http = new HttpClient(); using var response = [|http.Send(new HttpRequestMessage())|];")]
    [InlineData("using var a = File.OpenRead(\"a\"); using var b = File.OpenWrite(\"b\"); [|a.CopyTo(b)|];")]
    [InlineData("var doc = [|System.Text.Json.JsonSerializer.Deserialize<int[]>(File.OpenRead(\"a.json\"))|];")]
    public Task Sync_io_with_an_async_counterpart_is_flagged(string body) =>
        Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InAsyncMethod(body));

    [Fact]
    public Task WebClient_is_flagged_with_its_task_based_counterpart() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(
        Snippets.InAsyncMethod("#pragma warning disable SYSLIB0014\nusing var web = new System.Net.WebClient(); var s = {|#0:web.DownloadString(\"http://localhost\")|};"),
        Verify<SynchronousCallAnalyzer>.Diagnostic(0).WithArguments("WebClient.DownloadString", "await 'DownloadStringTaskAsync' instead"));

    [Fact]
    public Task Ado_net_calls_are_flagged() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InClass("""
        async Task M(System.Data.Common.DbConnection connection)
        {
            [|connection.Open()|];
            using var command = connection.CreateCommand();
            using var reader = [|command.ExecuteReader()|];
            while ([|reader.Read()|]) { }
            await Task.Yield();
        }
        """));

    [Fact]
    public Task The_sync_half_of_a_sync_async_twin_is_quiet_but_a_lone_sync_call_is_not() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InClass("""
        async Task<int> M(System.Data.Common.DbDataReader reader, bool async, CancellationToken ct)
        {
            var rows = 0;
            while (async ? await reader.ReadAsync(ct).ConfigureAwait(false) : reader.Read())
            {
                rows++;
            }

            if (async)
            {
                await reader.NextResultAsync(ct);
            }
            else
            {
                reader.NextResult();
            }

            // Another method's twin in the other branch does not excuse this one.
            var more = async ? await reader.NextResultAsync(ct) : [|reader.Read()|];
            return rows + ([|reader.Read()|] ? 1 : 0);
        }
        """));

    [Fact]
    public Task A_user_type_with_an_xxx_async_twin_is_flagged_in_an_async_lambda() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InClass("""
        class Repository
        {
            public int Load(string key) => 0;
            public Task<int> LoadAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(0);
        }
        void M(Repository repository)
        {
            Func<Task<int>> f = async () => { await Task.Yield(); return [|repository.Load("k")|]; };
        }
        """));

    [Fact]
    public Task Sync_io_in_an_async_local_function_is_flagged_but_not_in_a_sync_one() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InClass("""
        Task<string> M(string path)
        {
            return LoadAsync();

            async Task<string> LoadAsync()
            {
                await Task.Yield();
                return [|File.ReadAllText(path)|] + LoadNow();
            }

            string LoadNow() => File.ReadAllText(path);
        }
        """));

    [Fact]
    public Task A_listed_blocking_api_without_a_twin_is_flagged() => Verify<SynchronousCallAnalyzer>.AnalyzerWithOptionsAsync(
        Snippets.InClass("""
            static class Legacy { public static int Query(string sql) => 0; }
            async Task M() { var n = {|#0:Legacy.Query("x")|}; await Task.Yield(); }
            """),
        "warden.WD203.blocking_apis = C+Legacy.Query",
        Verify<SynchronousCallAnalyzer>.Diagnostic(0).WithArguments("Legacy.Query", "it is listed as blocking; use an async API or offload it"));

    [Theory]
    [InlineData("var text = File.ReadAllText(\"a.txt\");")]
    [InlineData("using var reader = new StreamReader(\"a.txt\"); var all = reader.ReadToEnd();")]
    public Task Sync_io_in_sync_methods_is_not_flagged(string body) =>
        Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InSyncMethod(body));

    [Theory]
    [InlineData("using var memory = new MemoryStream(); memory.Write(new byte[1], 0, 1); memory.Flush();")]
    [InlineData("using var reader = new StringReader(\"x\"); var all = reader.ReadToEnd();")]
    [InlineData("using var writer = new StringWriter(); writer.WriteLine(\"x\");")]
    [InlineData("Console.WriteLine(\"x\"); Console.Error.WriteLine(\"y\"); Console.Out.Flush();")]
    [InlineData("await Task.Run(async () => { await Task.Yield(); File.ReadAllText(\"a.txt\"); });")]
    [InlineData("await Task.Run(() => File.ReadAllText(\"a.txt\"));")]
    [InlineData("var text = await File.ReadAllTextAsync(\"a.txt\", ct);")]
    [InlineData("var exists = File.Exists(\"a.txt\"); Directory.CreateDirectory(\"d\");")]
    [InlineData("using var cts = new CancellationTokenSource(); cts.Cancel();")]
    [InlineData("var file = File.OpenRead(\"a.txt\"); file.Dispose();")]
    [InlineData("lock (this) { File.ReadAllText(\"a.txt\"); }")]
    [InlineData("var json = System.Text.Json.JsonSerializer.Serialize(1);")]
    [InlineData("var list = new List<int>(); list.Add(1); var s = string.Join(\",\", list);")]
    [InlineData("t.Wait(); Task.Delay(1).Wait(); using var gate = new SemaphoreSlim(1); gate.Wait();")]
    [InlineData("TextWriter log = Console.Out; log.WriteLine(\"x\"); log.Flush();")]
    public Task In_memory_offloaded_or_twinless_calls_are_not_flagged(string body) =>
        Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InAsyncMethod(body));

    [Fact]
    public Task A_twin_with_different_parameters_is_not_a_counterpart() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.InClass("""
        class Assert2
        {
            public static void Equal(int expected, int actual) { }
            public static Task EqualAsync(Func<Task<int>> expected, int actual) => Task.CompletedTask;
            public static void Check(int value) { }
            public static void CheckAsync(int value) { }
            public static int Send(int value) => value;
            [Obsolete] public static Task<int> SendAsync(int value) => Task.FromResult(value);
        }
        async Task M() { Assert2.Equal(1, 2); Assert2.Check(1); Assert2.Send(1); await Task.Yield(); }
        """));

    [Fact]
    public Task Test_framework_asserts_are_not_flagged() => Verify<SynchronousCallAnalyzer>.AnalyzerAsync(Snippets.Usings + """
        namespace NUnit.Framework
        {
            public static class Assert
            {
                public static void That(bool condition) { }
                public static Task ThatAsync(bool condition) => Task.CompletedTask;
            }
        }
        class C { async Task M() { NUnit.Framework.Assert.That(true); await Task.Yield(); } }
        """);

    [Fact]
    public Task Excluded_apis_are_not_flagged() => Verify<SynchronousCallAnalyzer>.AnalyzerWithOptionsAsync(
        Snippets.InAsyncMethod("var text = File.ReadAllText(\"a.txt\"); using var reader = new StreamReader(\"a\"); reader.ReadLine();"),
        "warden.WD203.excluded_apis = System.IO.File.ReadAllText, System.IO.TextReader");
}
