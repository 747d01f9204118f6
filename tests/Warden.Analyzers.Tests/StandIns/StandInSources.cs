namespace Warden.Analyzers.Tests.StandIns;

/// <summary>
/// Source text compiled next to each test case: minimal stand-ins for the APIs the part-2 rules recognise by
/// metadata name (Warden's runtime, the Generic Host, the test frameworks), so the tests need no packages.
/// </summary>
internal static class StandInSources
{
    /// <summary>Usings every case starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    /// <summary>An async API with optional tokens, the shape most service code calls.</summary>
    public const string Api = """

        public static class Api
        {
            public static Task DoAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
            public static Task<int> GetAsync(int id, CancellationToken cancellationToken = default) => Task.FromResult(id);
            public static Task<int> LoadAsync(int id) => Task.FromResult(id);
            public static ValueTask PingAsync(CancellationToken cancellationToken = default) => default;
            public static Task SendAsync(string message) => Task.CompletedTask;
            public static Task SendAsync(string message, CancellationToken cancellationToken) => Task.CompletedTask;
            public static void Work() { }
        }
        """;

    /// <summary>Warden's owners and bounded APIs, with the public shape of design/taskgroup.md.</summary>
    public const string WardenRuntime = """

        namespace Warden
        {
            public interface ITaskGroup
            {
                CancellationToken Token { get; }
                Task Spawn(Func<CancellationToken, Task> work, string name = null);
            }

            public sealed class BackgroundTasks
            {
                public bool TryStart(string name, Func<CancellationToken, Task> work) => true;
            }

            public static class TaskGroup
            {
                public static Task ForEachAsync<T>(IEnumerable<T> source, int maxConcurrency, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public static Task<TResult[]> SelectAsync<T, TResult>(IEnumerable<T> source, int maxConcurrency, Func<T, CancellationToken, ValueTask<TResult>> selector, CancellationToken cancellationToken = default) => Task.FromResult(Array.Empty<TResult>());
            }
        }
        """;

    /// <summary>Warden.Testing's polling helper.</summary>
    public const string WardenTesting = """

        namespace Warden.Testing
        {
            public static class Eventually
            {
                public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because = null, CancellationToken ct = default) => Task.CompletedTask;
            }
        }
        """;

    /// <summary>The Generic Host contracts WD801 and WD802 recognise.</summary>
    public const string Hosting = """

        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostedService
            {
                Task StartAsync(CancellationToken cancellationToken);
                Task StopAsync(CancellationToken cancellationToken);
            }

            public abstract class BackgroundService : IHostedService
            {
                protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
                public virtual Task StartAsync(CancellationToken cancellationToken) => ExecuteAsync(cancellationToken);
                public virtual Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public interface IHostApplicationLifetime
            {
                CancellationToken ApplicationStarted { get; }
                CancellationToken ApplicationStopping { get; }
                CancellationToken ApplicationStopped { get; }
                void StopApplication();
            }
        }
        """;

    /// <summary>The test attributes of xunit, NUnit and MSTest.</summary>
    public const string TestFrameworks = """

        namespace Xunit
        {
            public class FactAttribute : Attribute { }
            public class TheoryAttribute : FactAttribute { }
            public class InlineDataAttribute : Attribute { public InlineDataAttribute(params object[] data) { } }
            public static class Assert
            {
                public static void True(bool condition) { }
                public static void False(bool condition) { }
                public static void Equal<T>(T expected, T actual) { }
            }
        }

        namespace NUnit.Framework
        {
            public class TestAttribute : Attribute { }
            public class TestCaseAttribute : Attribute { public TestCaseAttribute(params object[] data) { } }
        }

        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestMethodAttribute : Attribute { }
            public class DataTestMethodAttribute : TestMethodAttribute { }
        }
        """;
}
