namespace Warden.Analyzers.Tests;

/// <summary>Wraps method bodies into compilable test sources with a small async API to call.</summary>
internal static class Snippets
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    public const string Api = """

        static class Api
        {
            public static Task<string> GetAsync(CancellationToken ct = default) => Task.FromResult("x");
            public static Task DoAsync(CancellationToken ct = default) => Task.CompletedTask;
            public static ValueTask<int> CountAsync() => new ValueTask<int>(1);
            public static ValueTask PingAsync() => default;
            public static Task<int> TwiceAsync(this int value) => Task.FromResult(value * 2);
            public static Task<T> EchoAsync<T>(T value) => Task.FromResult(value);
        }
        """;

    /// <summary>A class C with <c>async Task M(Task&lt;int&gt; t, Task&lt;int&gt; u, CancellationToken ct)</c> holding <paramref name="body"/>.</summary>
    public static string InAsyncMethod(string body) => Usings + $$"""
        class C
        {
            async Task M(Task<int> t, Task<int> u, CancellationToken ct)
            {
                {{body}}
                await Task.Yield();
            }
        }
        """ + Api;

    /// <summary>A class C with a synchronous <c>void M(Task&lt;int&gt; t, Task&lt;int&gt; u, CancellationToken ct)</c> holding <paramref name="body"/>.</summary>
    public static string InSyncMethod(string body) => Usings + $$"""
        class C
        {
            void M(Task<int> t, Task<int> u, CancellationToken ct)
            {
                {{body}}
            }
        }
        """ + Api;

    /// <summary>A class C with <paramref name="members"/> as its body.</summary>
    public static string InClass(string members) => Usings + $$"""
        class C
        {
            {{members}}
        }
        """ + Api;
}
