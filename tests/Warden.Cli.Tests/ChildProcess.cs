using System.Diagnostics;
using System.Text;

namespace Warden.Cli.Tests;

/// <summary>
/// Runs a .NET program from the test output folder as a real child process, with every wait bounded so
/// a hung child fails the test instead of hanging CI.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Everything the child wrote to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet ASSEMBLY.dll args</c> from the test output folder.</summary>
    public static ChildProcess Start(string assemblyName, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("NO_COLOR");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var child = new ChildProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                child._stderrClosed.TrySetResult();
                return;
            }

            lock (child._stderr)
            {
                child._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Reads the next line of stdout, bounded.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(Bound, cancellationToken);

    /// <summary>Reads the rest of stdout, waits for exit, and returns the exit code; all bounded.</summary>
    public async Task<(int ExitCode, string Output)> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var output = await _process.StandardOutput.ReadToEndAsync(cancellationToken).WaitAsync(Bound, cancellationToken);
        await _process.WaitForExitAsync(cancellationToken).WaitAsync(Bound, cancellationToken);
        await _stderrClosed.Task.WaitAsync(Bound, cancellationToken);
        return (_process.ExitCode, output);
    }

    /// <summary>Sends a POSIX signal (TERM, INT, ...) with the system's <c>kill</c> command.</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken).WaitAsync(Bound, cancellationToken);
        Assert.Equal(0, kill.ExitCode);
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
}
