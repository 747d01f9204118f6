namespace Warden.Bench.Tests;

/// <summary>
/// A target whose answers take time on a fake clock: each call waits <c>latency(callNumber, now)</c> on the
/// fake timer, or fails when <c>fail(callNumber)</c> says so.
/// </summary>
internal sealed class FakeTarget(string name, TimeProvider time, Func<long, DateTimeOffset, TimeSpan> latency, Func<long, string?>? fail = null) : IBenchTarget
{
    private long _calls;

    public FakeTarget(string name, TimeProvider time, TimeSpan latency)
        : this(name, time, (_, _) => latency)
    {
    }

    public string Name { get; } = name;

    public string Description => "fake target";

    public long Calls => Interlocked.Read(ref _calls);

    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        await FakeDelay.WaitAsync(time, latency(call, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return fail?.Invoke(call) is { } kind ? RequestOutcome.Failure(kind) : RequestOutcome.Success;
    }
}
