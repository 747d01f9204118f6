using HdrHistogram;

namespace Warden.Bench.Engine;

/// <summary>
/// Runs one repetition of one target at one level: warm-up, then measurement, then drain. Time comes from the
/// options' <see cref="TimeProvider"/>, so tests drive the whole engine with a fake clock and a fake target.
/// </summary>
internal sealed class LoadRunner
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);
    private readonly BenchOptions _options;
    private readonly TimeProvider _time;
    private readonly IGeneratorProbe _probe;

    public LoadRunner(BenchOptions options, IGeneratorProbe probe)
    {
        _options = options;
        _time = options.TimeProvider;
        _probe = probe;
    }

    /// <summary>Runs one repetition under <paramref name="model"/> at <paramref name="level"/> (users or requests per second).</summary>
    public async Task<RepetitionMeasurement> RunAsync(IBenchTarget target, LoadModelKind model, double level, Action<LiveSample>? live, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        var measureStart = start + ToTimestampTicks(_options.Warmup);
        var end = measureStart + ToTimestampTicks(_options.Duration);
        var recorder = new LatencyRecorder(_time, measureStart);
        using var session = _probe.Start();
        var ticker = live is null ? null : StartLiveView(recorder, start, measureStart, end, live);
        try
        {
            if (model == LoadModelKind.Open)
            {
                var (dropped, expected, lag, abandoned) = await RunOpenAsync(target, level, recorder, start, end, cancellationToken).ConfigureAwait(false);
                return Finish(recorder, session, dropped, expected, lag, abandoned);
            }

            var stuck = await RunClosedAsync(target, (int)level, recorder, end, cancellationToken).ConfigureAwait(false);
            return Finish(recorder, session, 0, recorder.Sent, null, stuck);
        }
        finally
        {
            if (ticker is not null)
            {
                await ticker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private RepetitionMeasurement Finish(LatencyRecorder recorder, IGeneratorSession session, long dropped, long expected, LongHistogram? lag, long abandoned)
    {
        recorder.Abandon(abandoned);
        return new(recorder.Total(), recorder.Successes, recorder.Errors, dropped, recorder.Sent, expected, lag, _options.Duration, session.Finish(), abandoned);
    }

    /// <summary>Runs the users; returns how many requests were still running when the drain bound passed.</summary>
    private async Task<long> RunClosedAsync(IBenchTarget target, int users, LatencyRecorder recorder, long end, CancellationToken cancellationToken)
    {
        using var repetition = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Workers start inline: each runs until its first real await, so start-up order is deterministic.
        var workers = new Task[users];
        for (var i = 0; i < users; i++)
        {
            workers[i] = UserLoopAsync(target, recorder, end, repetition.Token);
        }

        if (await TimerTasks.WithinAsync(Task.WhenAll(workers), _time, DrainBound, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        // Requests outlived their timeout by far: the target ignores its token, or this process could not run
        // the timers that enforce it. Count them, cancel them, and let the assessment say so.
        var stuck = workers.Count(w => !w.IsCompleted);
        Cancel(repetition);
        return stuck;
    }

    private static void Cancel(CancellationTokenSource source) => source.Cancel();

    private async Task UserLoopAsync(IBenchTarget target, LatencyRecorder recorder, long end, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sentAt = _time.GetTimestamp();
            if (sentAt >= end)
            {
                return;
            }

            recorder.CountSent(sentAt);
            var pending = InvokeAsync(target, cancellationToken);
            var completedSynchronously = pending.IsCompleted;
            var outcome = await pending.ConfigureAwait(false);
            recorder.Complete(sentAt, _time.GetTimestamp(), outcome);
            if (completedSynchronously)
            {
                // A target that never yields would otherwise keep this thread forever.
                await Task.Yield();
            }
        }
    }

    private async Task<(long Dropped, long Expected, LongHistogram Lag, long Abandoned)> RunOpenAsync(
        IBenchTarget target, double ratePerSecond, LatencyRecorder recorder, long start, long end, CancellationToken cancellationToken)
    {
        using var repetition = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var interval = _time.TimestampFrequency / ratePerSecond;
        var lag = new LongHistogram(1, LatencyRecorder.MaxMicros, 3);
        var inFlight = new InFlightTracker();
        long dropped = 0;
        long expected = 0;
        try
        {
            for (long i = 0; ; i++)
            {
                var intended = start + (long)(i * interval);
                if (intended >= end)
                {
                    break;
                }

                var now = _time.GetTimestamp();
                if (intended > now)
                {
                    await TimerTasks.DelayAsync(_time, _time.GetElapsedTime(now, intended), cancellationToken).ConfigureAwait(false);
                    now = _time.GetTimestamp();
                }

                var measured = recorder.IsMeasured(intended);
                if (measured)
                {
                    expected++;
                    lag.RecordValue(Math.Clamp((long)_time.GetElapsedTime(intended, now).TotalMicroseconds, 1, LatencyRecorder.MaxMicros));
                }

                if (inFlight.Count >= _options.MaxInFlight)
                {
                    dropped += measured ? 1 : 0;
                    continue;
                }

                recorder.CountSent(intended);
                inFlight.Track(SendScheduledAsync(target, recorder, intended, repetition.Token));
            }
        }
        finally
        {
            inFlight.ScheduleEnded();
        }

        if (await TimerTasks.WithinAsync(inFlight.WhenDrained, _time, DrainBound, cancellationToken).ConfigureAwait(false))
        {
            return (dropped, expected, lag, 0);
        }

        var stuck = inFlight.Count;
        Cancel(repetition);
        return (dropped, expected, lag, stuck);
    }

    private async Task SendScheduledAsync(IBenchTarget target, LatencyRecorder recorder, long intended, CancellationToken cancellationToken)
    {
        var outcome = await InvokeAsync(target, cancellationToken).ConfigureAwait(false);
        recorder.Complete(intended, _time.GetTimestamp(), outcome);
    }

    private async ValueTask<RequestOutcome> InvokeAsync(IBenchTarget target, CancellationToken runToken)
    {
        runToken.ThrowIfCancellationRequested();
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var link = runToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        try
        {
            return await target.SendAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return RequestOutcome.Failure(ErrorKinds.Timeout);
        }
#pragma warning disable CA1031 // Any exception from the target is a counted failure, never a crash of the generator.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RequestOutcome.Failure(ErrorKinds.FromException(ex));
        }
    }

    /// <summary>How long the drain may take: requests honour the timeout, so twice it means a target ignores its token.</summary>
    private TimeSpan DrainBound => _options.Warmup + _options.Duration + (_options.Timeout * 2);

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private ITimer StartLiveView(LatencyRecorder recorder, long start, long measureStart, long end, Action<LiveSample> live)
    {
        var last = start;
        var lastAnswered = 0L;
        var total = (double)(end - start);
        return _time.CreateTimer(
            _ =>
            {
                var now = _time.GetTimestamp();
                var interval = recorder.TakeInterval();
                var seconds = _time.GetElapsedTime(last, now).TotalSeconds;
                var answered = recorder.Answered;
                var rate = seconds > 0 ? (answered - lastAnswered) / seconds : 0;
                last = now;
                lastAnswered = answered;
                // The snapshot describes the interval that just ended, so a tick exactly at a boundary belongs to the stage before it.
                var stage = now <= measureStart ? BenchStage.Warmup : now <= end ? BenchStage.Measure : BenchStage.Drain;
                double? p99 = interval.TotalCount == 0 ? null : interval.GetValueAtPercentile(99) / 1000.0;
                live(new LiveSample(stage, Math.Clamp((now - start) / total, 0, 1), rate, p99, recorder.ErrorCount));
            },
            null,
            LiveInterval,
            LiveInterval);
    }
}
