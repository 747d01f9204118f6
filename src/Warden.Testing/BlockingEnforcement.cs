using System.Text;
using Warden.Blocking;

namespace Warden.Testing;

/// <summary>A <see cref="BlockingDetection.Enforce"/> scope: collects what blocked and fails when it ends.</summary>
public sealed class BlockingEnforcement : IDisposable
{
    private readonly BlockingMonitor _monitor;

    internal BlockingEnforcement(BlockingMonitor monitor) => _monitor = monitor;

    /// <summary>What blocked so far, one entry per kind and call site.</summary>
    public IReadOnlyList<BlockingReport> Reports => _monitor.Reports;

    /// <summary>Throws if anything blocked so far, without ending the scope.</summary>
    /// <exception cref="AsyncAssertionException">Something blocked; the message has each call site and stack.</exception>
    public void AssertNoBlocking()
    {
        var reports = _monitor.Reports;
        if (reports.Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append("Blocking detected inside BlockingDetection.Enforce: ")
            .Append(reports.Count)
            .Append(reports.Count == 1 ? " call site" : " call sites")
            .AppendLine(". Await instead of waiting, move CPU work off the async path, or allow the call site in the options.");
        for (var i = 0; i < reports.Count; i++)
        {
            message.Append(i + 1).Append(") ").AppendLine(reports[i].ToString());
        }

        throw new AsyncAssertionException(message.ToString().TrimEnd());
    }

    /// <summary>Stops detecting and throws if anything blocked inside the scope.</summary>
    /// <exception cref="AsyncAssertionException">Something blocked.</exception>
#pragma warning disable CA1065 // Failing the test when the scope ends is this type's purpose (the BlockHound model), documented above.
    public void Dispose()
    {
        _monitor.Dispose();
        AssertNoBlocking();
    }
#pragma warning restore CA1065
}
