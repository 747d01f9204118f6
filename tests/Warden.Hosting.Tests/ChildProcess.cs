using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Warden.Hosting.Tests;

/// <summary>
/// A .NET program from the test output folder started as a real child process (<c>dotnet NAME.dll</c>): the
/// Storefront sample or the console host. Every line it writes is kept; tests wait for lines (state), never for
/// time, and every wait is bounded.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // This checks the budget watchdog, not performance: a process held by work that ignores cancellation would
    // overrun by that work's whole duration (a minute, or forever, in these tests), while the slack absorbs what a loaded 2-core CI
    // machine adds on top of the budget (signal delivery, the handler's thread, runtime teardown, seeing the exit).
    private static readonly TimeSpan ExitSlack = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long _signalSent;
    private TimeSpan? _signalToExit;

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved as received.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>
    /// Real time from just before the first <see cref="SignalAsync"/> ran <c>kill</c> until <see cref="WaitForExitAsync"/>
    /// saw the process exit; <see langword="null"/> until both happened. Start-up and JIT before the signal are not in it.
    /// </summary>
    public TimeSpan? SignalToExit => _signalToExit;

    /// <summary>Starts the Storefront sample with <c>--port 0</c>, the logs the tests read, and the given extra arguments.</summary>
    public static ChildProcess StartStorefront(params string[] args)
    {
        string[] common =
        [
            "--port", "0",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Warden", "Information",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information",
        ];
        return Start("Storefront", [.. common, .. args]);
    }

    /// <summary>Starts <c>dotnet NAME.dll args</c> from the test output folder.</summary>
    public static ChildProcess Start(string assemblyName, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, child._stdoutClosed);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, child._stderrClosed);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for Kestrel's "Now listening on" line and returns the address.</summary>
    public async Task<Uri> AddressAsync()
    {
        var line = await WaitForLineAsync("Now listening on: ");
        return new Uri(ListeningAddress().Match(line).Groups["address"].Value + "/");
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been written; returns that line.</summary>
    public Task<string> WaitForLineAsync(string text)
    {
        TaskCompletionSource<string> seen;
        lock (_lines)
        {
            var existing = _lines.Find(l => l.Contains(text, StringComparison.Ordinal));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
        }

        return WaitAsync(seen.Task, $"a line containing '{text}'");
    }

    /// <summary>Sends a POSIX signal (TERM, INT) with the system's <c>kill</c> command.</summary>
    public async Task SignalAsync(string signal)
    {
        if (_signalSent == 0)
        {
            _signalSent = Stopwatch.GetTimestamp();
        }

        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits (bounded) for the process to exit and its output to be read to the end.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await WaitAsync(_process.WaitForExitAsync(TestContext.Current.CancellationToken), "the process to exit");
        if (_signalSent != 0)
        {
            _signalToExit ??= Stopwatch.GetElapsedTime(_signalSent);
        }

        await WaitAsync(Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task), "the output to close");
        return _process.ExitCode;
    }

    /// <summary>
    /// Asserts that the process exited within its shutdown <paramref name="budget"/> of the signal, plus a fixed slack
    /// for a loaded machine (see <see cref="SignalToExit"/>): the budget watchdog ended it, whatever was still running.
    /// </summary>
    public void AssertExitedWithinBudget(TimeSpan budget)
    {
        var elapsed = _signalToExit ?? throw new InvalidOperationException("Signal the process and wait for its exit first.");
        Assert.True(
            elapsed <= budget + ExitSlack,
            $"The process exited {elapsed.TotalSeconds:0.0} s after the signal; its shutdown budget is {budget.TotalSeconds:0} s " +
            $"(allowed: budget + {ExitSlack.TotalSeconds:0} s slack). Output:\n{Output}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningAddress();

    private async Task<T> WaitAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}. Output so far:\n{Output}");
        }
    }

    private async Task WaitAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}. Output so far:\n{Output}");
        }
    }

    private void FailWaitersIfAllOutputClosed()
    {
        if (!_stdoutClosed.Task.IsCompleted || !_stderrClosed.Task.IsCompleted)
        {
            return;
        }

        List<(string Text, TaskCompletionSource<string> Seen)> waiting;
        lock (_lines)
        {
            waiting = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var (text, seen) in waiting)
        {
            seen.TrySetException(new InvalidOperationException($"The process ended without writing a line containing '{text}'. Output:\n{Output}"));
        }
    }

    private void OnLine(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            FailWaitersIfAllOutputClosed();
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_lines)
        {
            _lines.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_waiters[i].Text, StringComparison.Ordinal))
                {
                    matched.Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var seen in matched)
        {
            seen.TrySetResult(line);
        }
    }
}
