namespace Warden.Testing.Loop;

/// <summary>The clock a kit tool uses when none is given: the loop's virtual clock inside <see cref="AsyncTest"/>, else the system clock.</summary>
internal static class AmbientClock
{
    public static TimeProvider Resolve(TimeProvider? explicitClock) =>
        explicitClock ?? (SynchronizationContext.Current is LoopSynchronizationContext loop ? loop.Time : TimeProvider.System);
}
