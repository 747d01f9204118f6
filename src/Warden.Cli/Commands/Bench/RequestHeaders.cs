using System.Buffers;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>
/// Parses <c>--header 'Name: value'</c> values up front. The target adds headers without validation on every send,
/// which silently drops a malformed name or a body header such as Content-Type, and fails a value with a line break
/// only when sending; checked here, each of those is a usage error that says how to write the header.
/// </summary>
internal static class RequestHeaders
{
    // RFC 9110 token characters besides letters and digits.
    private static readonly SearchValues<char> TokenChars = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IReadOnlyList<string> values)
    {
        var headers = new List<KeyValuePair<string, string>>(values.Count);
        foreach (var header in values)
        {
            var shown = header.ReplaceLineEndings("\\n"); // the message stays on one line
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new CliUsageException($"--header '{shown}' is not 'Name: value'; write it like --header 'Accept: application/json'.");
            }

            var name = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(TokenChars))
            {
                throw new CliUsageException($"--header '{shown}': '{name.ReplaceLineEndings("\\n")}' is not a header name; use letters, digits and dashes without spaces, like --header 'X-Request-Id: 42'.");
            }

            using var probe = new HttpRequestMessage();
            try
            {
                probe.Headers.Add(name, value);
            }
            catch (InvalidOperationException ex)
            {
                // HttpClient keeps body headers (Content-Type, Content-Length, ...) apart from request headers.
                throw new CliUsageException($"--header '{shown}': {name} describes the body, which warden sets itself; use --content-type for its type and --body or --body-file for the body.", ex);
            }
            catch (FormatException ex)
            {
                throw new CliUsageException($"--header '{shown}': the value is not valid for {name} ({ex.Message.ReplaceLineEndings(" ")}); write it as 'Name: value' on one line, like --header 'Accept: application/json'.", ex);
            }

            headers.Add(new(name, value));
        }

        return headers;
    }
}
