namespace Warden;

/// <summary>
/// Which group's body or child is running synchronously on this thread right now. While a group is current, a frame
/// further up this thread's stack holds one of its counts, so the group cannot finish under a nested <c>Spawn</c>: a
/// child that completes synchronously then needs no atomic bookkeeping at all (the common cheap case).
/// </summary>
internal static class InlineSpawnScope
{
    [ThreadStatic]
    private static object? _current;

    public static object? Current
    {
        get => _current;
        set => _current = value;
    }
}
