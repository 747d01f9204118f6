using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

namespace Warden.Testing;

/// <summary>
/// xunit v3: audits every test of a class (or, on the assembly, every test) for leaked work, like calling
/// <see cref="LeakAudit.Start"/> before and <see cref="LeakAudit.AssertNoLeaks"/> after each test. A leak fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class AuditLeaksAttribute : BeforeAfterTestAttribute
{
    private readonly ConcurrentDictionary<string, LeakAudit> _audits = new();

    /// <summary>Also audit plain tasks and async methods started by the test (see <see cref="LeakAuditOptions.IncludePlainTasks"/>).</summary>
    public bool IncludePlainTasks { get; set; }

    /// <summary>How long, in milliseconds, work may take to finish after the test. Default 1000.</summary>
    public int SettleMilliseconds { get; set; } = 1000;

    /// <inheritdoc />
    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var audit = LeakAudit.Start(new LeakAuditOptions
        {
            IncludePlainTasks = IncludePlainTasks,
            Settle = TimeSpan.FromMilliseconds(SettleMilliseconds),
        });
        if (!_audits.TryAdd(test.UniqueID, audit))
        {
            audit.Dispose();
        }
    }

    /// <inheritdoc />
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (_audits.TryRemove(test.UniqueID, out var audit))
        {
            using (audit)
            {
                audit.AssertNoLeaks();
            }
        }
    }
}
