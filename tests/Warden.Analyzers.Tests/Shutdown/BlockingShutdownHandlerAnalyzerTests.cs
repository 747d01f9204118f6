using Warden.Analyzers.Shutdown;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Shutdown;

public sealed class BlockingShutdownHandlerAnalyzerTests
{
    public static TheoryData<string> Blocking => new()
    {
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStopping.Register(() => [|Api.DoAsync().Wait()|]); }",
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStopped.Register(() => { var n = [|Api.GetAsync(1).Result|]; }); }",
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStopping.Register(() => [|Api.DoAsync().GetAwaiter().GetResult()|]); }",
        "void M() { Console.CancelKeyPress += (s, e) => { e.Cancel = true; [|Thread.Sleep(5000)|]; }; }",
        "void M() { AppDomain.CurrentDomain.ProcessExit += (s, e) => [|Task.WaitAll(Api.DoAsync(), Api.DoAsync())|]; }",
        "void M(ManualResetEventSlim drained) { AppDomain.CurrentDomain.ProcessExit += (s, e) => [|drained.Wait()|]; }",
        "void M(ManualResetEvent drained) { AppDomain.CurrentDomain.ProcessExit += (s, e) => [|drained.WaitOne()|]; }",
        "void M() { Console.CancelKeyPress += {|WD802:async|} (s, e) => await Api.DoAsync(); }",
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStopping.Register({|WD802:async|} () => await Api.DoAsync()); }",
        "void M() { PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => [|Thread.Sleep(100)|]); }",
        "void M() { AppDomain.CurrentDomain.ProcessExit += OnExit; } void OnExit(object sender, EventArgs e) { [|Api.DoAsync().Wait()|]; }",
        "void M(Thread worker) { System.Runtime.Loader.AssemblyLoadContext.Default.Unloading += _ => [|worker.Join()|]; }",
        "void M(IHostApplicationLifetime lifetime, SemaphoreSlim gate) { lifetime.ApplicationStopping.UnsafeRegister(_ => [|gate.Wait()|], null); }",

        // Receivers of unresolved types (an unrestored package): the two shapes that block whatever the type is.
        "void M(IHostApplicationLifetime lifetime, {|CS0246:ConsulClient|} consul) { lifetime.ApplicationStopping.Register(() => [|consul.Agent.ServiceDeregister(\"id\").Wait()|]); }",
        "void M(IHostApplicationLifetime lifetime, {|CS0246:ConsulClient|} consul) { lifetime.ApplicationStopping.Register(() => [|consul.Agent.ServiceDeregister(\"id\").GetAwaiter().GetResult()|]); }",
        "void M({|CS0246:Crawler|} crawler) { AppDomain.CurrentDomain.ProcessExit += (s, e) => crawler?[|.DisposeAsync().AsTask().GetAwaiter().GetResult()|]; }",
    };

    public static TheoryData<string> Signalling => new()
    {
        "void M(CancellationTokenSource stop) { Console.CancelKeyPress += (s, e) => { e.Cancel = true; stop.Cancel(); }; }",
        "void M(ManualResetEventSlim stopping) { AppDomain.CurrentDomain.ProcessExit += (s, e) => stopping.Set(); }",
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStopping.Register(() => Console.WriteLine(\"stopping\")); }",
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStarted.Register(() => Api.DoAsync().Wait()); }",
        "void M(CancellationToken token) { token.Register(() => Api.DoAsync().Wait()); }",
        "void M() { Console.CancelKeyPress += (s, e) => { _ = Task.Run(() => Api.DoAsync().Wait()); }; }",
        "void M(CancellationTokenSource stop) { PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); }); }",
        "void M() { AppDomain.CurrentDomain.UnhandledException += (s, e) => Thread.Sleep(100); }",
        "void M(CancellationTokenSource stop) { AppDomain.CurrentDomain.ProcessExit += OnExit; void OnExit(object sender, EventArgs e) => stop.Cancel(); }",
        "void M() { Api.DoAsync().Wait(); Thread.Sleep(10); }",
        "void M(IHostApplicationLifetime lifetime) { lifetime.ApplicationStopping.Register(() => Interlocked.Increment(ref _stops)); } private int _stops;",

        // Unresolved receivers: a GetResult that is not the awaiter idiom, and other names, are not read as blocking.
        "void M(IHostApplicationLifetime lifetime, {|CS0246:Job|} job) { lifetime.ApplicationStopping.Register(() => job.GetResult()); }",
        "void M(IHostApplicationLifetime lifetime, {|CS0246:Job|} job) { lifetime.ApplicationStopping.Register(() => job.Stop()); }",
        "void M({|CS0246:Job|} job) { job.Wait(); }",
    };

    [Theory]
    [MemberData(nameof(Blocking))]
    public Task Flags_blocking_or_async_shutdown_handlers(string member) =>
        Verify<BlockingShutdownHandlerAnalyzer>.AnalyzerAsync(Source(member));

    [Theory]
    [MemberData(nameof(Signalling))]
    public Task Stays_quiet_on_handlers_that_signal_and_return(string member) =>
        Verify<BlockingShutdownHandlerAnalyzer>.AnalyzerAsync(Source(member));

    private static string Source(string member) =>
        StandInSources.Usings + "using System.Runtime.InteropServices;\nusing Microsoft.Extensions.Hosting;\n\npublic class C\n{\n    " + member + "\n}\n" + StandInSources.Api + StandInSources.Hosting;
}
