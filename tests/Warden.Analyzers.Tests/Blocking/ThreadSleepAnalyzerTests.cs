using Warden.Analyzers.Blocking;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Blocking;

public sealed class ThreadSleepAnalyzerTests
{
    [Fact]
    public Task Sleep_in_async_method_is_flagged() => Verify<ThreadSleepAnalyzer>.AnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M()
            {
                [|Thread.Sleep(100)|];
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Sleep_in_sync_method_is_not_flagged() => Verify<ThreadSleepAnalyzer>.AnalyzerAsync("""
        using System.Threading;
        class C
        {
            void M() => Thread.Sleep(100);
        }
        """);
}
