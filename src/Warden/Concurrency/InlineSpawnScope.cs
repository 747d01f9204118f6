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

    [ThreadStatic]
    private static int _reserved;

    public static object? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>
    /// Counts the current frame took from its group in one batch and has not yet handed to asynchronous children, so a
    /// spawn loop does not write the group's shared counter once per child (the completing threads also write it).
    /// </summary>
    public static int Reserved
    {
        get => _reserved;
        set => _reserved = value;
    }
}
