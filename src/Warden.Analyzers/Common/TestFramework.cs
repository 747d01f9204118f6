namespace Warden.Analyzers.Common;

/// <summary>The test framework whose attribute marks a test method; what an <c>async void</c> test does differs by framework.</summary>
internal enum TestFramework
{
    /// <summary>xunit v2 (<c>xunit.core</c>): it waits for <c>async void</c> tests through its synchronization context.</summary>
    XunitV2,

    /// <summary>xunit v3 (recognised by <c>Xunit.TestContext</c>): it no longer supports <c>async void</c> tests.</summary>
    XunitV3,

    /// <summary>NUnit: it refuses to run <c>async void</c> tests.</summary>
    NUnit,

    /// <summary>MSTest: it leaves <c>async void</c> tests out of the run.</summary>
    MSTest,

    /// <summary>TUnit.</summary>
    TUnit,
}
