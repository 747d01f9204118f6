using Warden.Analyzers.Libraries;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Libraries;

public sealed class AsyncApiThatBlocksAnalyzerTests
{
    // The shape of Microsoft.Data.Sqlite's public API: ADO.NET types that inherit the base async methods.
    private const string Sqlite = """

        namespace Microsoft.Data.Sqlite
        {
            public class SqliteConnection : System.Data.Common.DbConnection
            {
                public override string ConnectionString { get; set; } = "";
                public override string Database => "main";
                public override string DataSource => "";
                public override string ServerVersion => "3";
                public override System.Data.ConnectionState State => System.Data.ConnectionState.Open;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                public new SqliteCommand CreateCommand() => new SqliteCommand();
                protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new System.NotSupportedException();
                protected override System.Data.Common.DbCommand CreateDbCommand() => new SqliteCommand();
            }

            public class SqliteCommand : System.Data.Common.DbCommand
            {
                public override string CommandText { get; set; } = "";
                public override int CommandTimeout { get; set; }
                public override System.Data.CommandType CommandType { get; set; }
                public override bool DesignTimeVisible { get; set; }
                public override System.Data.UpdateRowSource UpdatedRowSource { get; set; }
                protected override System.Data.Common.DbConnection? DbConnection { get; set; }
                protected override System.Data.Common.DbParameterCollection DbParameterCollection => throw new System.NotSupportedException();
                protected override System.Data.Common.DbTransaction? DbTransaction { get; set; }
                public override void Cancel() { }
                public override int ExecuteNonQuery() => 0;
                public override object? ExecuteScalar() => null;
                public override void Prepare() { }
                protected override System.Data.Common.DbParameter CreateDbParameter() => throw new System.NotSupportedException();
                protected override System.Data.Common.DbDataReader ExecuteDbDataReader(System.Data.CommandBehavior behavior) => throw new System.NotSupportedException();
            }
        }
        """;

    private static string InAsync(string body) => Snippets.Usings + $$"""
        using Microsoft.Data.Sqlite;
        class ChattyStream : MemoryStream { }
        class SyncOnlyStream : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => 0;
            public override long Position { get; set; }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => 0;
            public override long Seek(long offset, SeekOrigin origin) => 0;
            public override void SetLength(long value) { }
            public override void Write(byte[] buffer, int offset, int count) { }
        }
        class HonestStream : SyncOnlyStream
        {
            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(0);
            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(0);
            public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        class C
        {
            async Task M(SqliteConnection connection, SqliteCommand command, SyncOnlyStream raw, HonestStream honest, ChattyStream chatty, Stream any, CancellationToken ct)
            {
                var buffer = new byte[16];
                {{body}}
            }
        }
        """ + Sqlite;

    [Theory]
    [InlineData("await [|connection.OpenAsync(ct)|];")]
    [InlineData("await [|command.ExecuteNonQueryAsync(ct)|];")]
    [InlineData("var value = await [|command.ExecuteScalarAsync()|];")]
    [InlineData("await using var reader = await [|command.ExecuteReaderAsync(ct)|];")]
    [InlineData("var line = await [|Console.In.ReadLineAsync()|];")]
    [InlineData("var all = await [|Console.In.ReadToEndAsync()|];")]
    [InlineData("var n = await [|raw.ReadAsync(buffer, 0, 16, ct)|];")]
    [InlineData("var n = await [|raw.ReadAsync(buffer.AsMemory(), ct)|];")]
    [InlineData("await [|raw.WriteAsync(buffer, 0, 16)|];")]
    [InlineData("await [|raw.FlushAsync(ct)|];")]
    [InlineData("await [|raw.FlushAsync()|];")]
    [InlineData("await [|honest.WriteAsync(buffer.AsMemory(), ct)|];")]
    [InlineData("Func<Task> f = async () => await [|raw.FlushAsync()|];")]
    [InlineData("var pending = [|command.ExecuteNonQueryAsync(ct)|]; await pending;")]
    public Task Async_in_name_only_calls_in_async_code_are_flagged(string body) =>
        Verify<AsyncApiThatBlocksAnalyzer>.AnalyzerAsync(InAsync(body));

    [Fact]
    public Task Message_explains_the_stream_default() => Verify<AsyncApiThatBlocksAnalyzer>.AnalyzerAsync(
        InAsync("await {|#0:raw.FlushAsync(ct)|};"),
        Verify<AsyncApiThatBlocksAnalyzer>.Diagnostic(0).WithArguments(
            "SyncOnlyStream.FlushAsync", "'SyncOnlyStream' does not override Stream.FlushAsync, whose default runs the synchronous method"));

    [Fact]
    public Task Async_in_name_only_calls_in_an_async_local_function_are_flagged() => Verify<AsyncApiThatBlocksAnalyzer>.AnalyzerAsync(Snippets.Usings + """
        using Microsoft.Data.Sqlite;
        class C
        {
            async Task<string?> M(SqliteCommand command, CancellationToken ct)
            {
                await RunAsync();
                return await ReadAsync();

                async Task RunAsync() => await [|command.ExecuteNonQueryAsync(ct)|];

                static async Task<string?> ReadAsync()
                {
                    return await [|Console.In.ReadLineAsync()|];
                }
            }
        }
        """ + Sqlite);

    [Fact]
    public Task Configured_apis_are_flagged() => Verify<AsyncApiThatBlocksAnalyzer>.AnalyzerWithOptionsAsync(
        Snippets.Usings + """
            class LegacyClient { public Task<int> QueryAsync() => Task.FromResult(0); }
            class C { async Task M(LegacyClient client) => await [|client.QueryAsync()|]; }
            """,
        "warden.WD401.additional_apis = LegacyClient.QueryAsync");

    [Theory]
    [InlineData("var n = await honest.ReadAsync(buffer, 0, 16, ct);")]
    [InlineData("await honest.FlushAsync();")]
    [InlineData("await using var file = File.OpenWrite(\"a\"); await file.FlushAsync();")]
    [InlineData("var n = await honest.ReadAsync(buffer.AsMemory(), ct);")]
    [InlineData("var n = await chatty.ReadAsync(buffer, 0, 16, ct);")]
    [InlineData("await chatty.FlushAsync(ct);")]
    [InlineData("var n = await any.ReadAsync(buffer, 0, 16, ct);")]
    [InlineData("await using var file = File.OpenRead(\"a\"); var n = await file.ReadAsync(buffer, ct);")]
    [InlineData("await connection.DisposeAsync();")]
    [InlineData("var line = await new StreamReader(any).ReadLineAsync();")]
    [InlineData("await Task.Run(() => command.ExecuteNonQueryAsync(ct), ct);")]
    [InlineData("await Task.Run(async () => await command.ExecuteNonQueryAsync(ct), ct);")]
    [InlineData("command.ExecuteNonQuery(); raw.Flush();")]
    [InlineData("await Console.Out.WriteLineAsync(\"x\");")]
    public Task Truly_async_offloaded_or_sync_calls_are_not_flagged(string body) =>
        Verify<AsyncApiThatBlocksAnalyzer>.AnalyzerAsync(InAsync(body));

    [Fact]
    public Task Sync_methods_are_not_flagged() => Verify<AsyncApiThatBlocksAnalyzer>.AnalyzerAsync(Snippets.Usings + """
        class C { Task<string?> M() => Console.In.ReadLineAsync(); }
        """);
}
