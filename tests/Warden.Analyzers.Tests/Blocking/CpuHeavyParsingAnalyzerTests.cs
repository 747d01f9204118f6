using Warden.Analyzers.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Blocking;

public sealed class CpuHeavyParsingAnalyzerTests
{
    private static string InHandler(string body) => Snippets.Usings + $$"""
        using System.Text.Json;
        using System.Text.Json.Nodes;
        record Payload(int Id);
        class C
        {
            async Task<object?> Handle(HttpClient http, HttpResponseMessage response, Stream body, CancellationToken ct)
            {
                {{body}}
                return null;
            }
        }
        """;

    [Theory]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); var p = [|JsonSerializer.Deserialize<Payload>(json)|];")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(); return [|JsonSerializer.Deserialize<Payload>(json)|];")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false); var p = [|JsonSerializer.Deserialize<Payload>(json, new JsonSerializerOptions())|];")]
    [InlineData("var p = [|JsonSerializer.Deserialize<Payload>(await response.Content.ReadAsStringAsync(ct))|];")]
    [InlineData("var json = await http.GetStringAsync(\"http://localhost/\", ct); var p = [|JsonSerializer.Deserialize<Payload>(json)|];")]
    [InlineData("var json = await new StreamReader(body).ReadToEndAsync(ct); var p = [|JsonSerializer.Deserialize<Payload>(json)|];")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); using var doc = [|JsonDocument.Parse(json)|];")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); var node = [|JsonNode.Parse(json)|];")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); var o = [|JsonSerializer.Deserialize(json, typeof(Payload))|];")]
    [InlineData("var xml = await response.Content.ReadAsStringAsync(ct); var doc = [|System.Xml.Linq.XDocument.Parse(xml)|];")]
    [InlineData("Func<Task<Payload?>> f = async () => [|JsonSerializer.Deserialize<Payload>(await http.GetStringAsync(\"http://localhost/\"))|];")]
    public Task Parsing_a_whole_body_string_in_async_code_is_flagged(string body) =>
        Verify<CpuHeavyParsingAnalyzer>.AnalyzerAsync(InHandler(body));

    [Fact]
    public Task Message_names_the_parser_and_the_read() => Verify<CpuHeavyParsingAnalyzer>.AnalyzerAsync(
        InHandler("var json = await response.Content.ReadAsStringAsync(ct); var p = {|#0:JsonSerializer.Deserialize<Payload>(json)|};"),
        Verify<CpuHeavyParsingAnalyzer>.Diagnostic(0).WithArguments("JsonSerializer.Deserialize", "ReadAsStringAsync"));

    [Fact]
    public Task Parsing_a_whole_body_string_in_an_async_local_function_is_flagged() => Verify<CpuHeavyParsingAnalyzer>.AnalyzerAsync(Snippets.Usings + """
        using System.Text.Json;
        record Payload(int Id);
        class C
        {
            Task<Payload?> M(HttpClient http, CancellationToken ct)
            {
                return FetchAsync("http://localhost/");

                async Task<Payload?> FetchAsync(string url)
                {
                    var json = await http.GetStringAsync(url, ct);
                    return [|JsonSerializer.Deserialize<Payload>(json)|];
                }
            }
        }
        """);

    [Fact]
    public Task Configured_parsers_are_flagged() => Verify<CpuHeavyParsingAnalyzer>.AnalyzerWithOptionsAsync(
        Snippets.Usings + """
            static class Yaml { public static object Load(string text) => text; }
            class C
            {
                async Task M(HttpContent content) { var text = await content.ReadAsStringAsync(); var o = [|Yaml.Load(text)|]; }
            }
            """,
        "warden.WD204.cpu_heavy_apis = Yaml.Load");

    [Theory]
    [InlineData("var p = JsonSerializer.Deserialize<Payload>(\"{\\\"Id\\\":1}\");")]
    [InlineData("const string small = \"{}\"; var p = JsonSerializer.Deserialize<Payload>(small);")]
    [InlineData("var p = await response.Content.ReadFromJsonAsyncShim<Payload>(ct);")]
    [InlineData("var p = await JsonSerializer.DeserializeAsync<Payload>(body, cancellationToken: ct);")]
    [InlineData("var p = await JsonSerializer.DeserializeAsync<Payload>(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);")]
    [InlineData("var text = File.ReadAllText(\"config.json\"); var p = JsonSerializer.Deserialize<Payload>(text);")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); var size = json.Length;")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); var s = JsonSerializer.Serialize(json);")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); var p = await Task.Run(() => JsonSerializer.Deserialize<Payload>(json), ct);")]
    [InlineData("var json = await response.Content.ReadAsStringAsync(ct); Func<Payload?> parse = () => JsonSerializer.Deserialize<Payload>(json);")]
    [InlineData("string json = \"{}\"; var p = JsonSerializer.Deserialize<Payload>(json);")]
    public Task Constant_local_offloaded_or_streamed_parsing_is_not_flagged(string body) =>
        Verify<CpuHeavyParsingAnalyzer>.AnalyzerAsync(InHandler(body) + """

            static class ContentShim
            {
                public static Task<T?> ReadFromJsonAsyncShim<T>(this HttpContent content, CancellationToken ct) => Task.FromResult(default(T));
            }
            """);

    [Fact]
    public Task Sync_methods_are_not_flagged() => Verify<CpuHeavyParsingAnalyzer>.AnalyzerAsync(Snippets.Usings + """
        class C
        {
            object? M(HttpContent content) { var json = content.ReadAsStringAsync().Result; return System.Text.Json.JsonSerializer.Deserialize<int[]>(json); }
        }
        """);
}
