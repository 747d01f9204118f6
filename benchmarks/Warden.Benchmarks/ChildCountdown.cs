namespace Warden.Benchmarks;

/// <summary>
/// The control: one shared continuation per child that only counts down to zero. It cannot tell failure from success,
/// so no group could be this cheap; it is the least an owner pays to hear of each child as it completes through public
/// APIs (<c>Task.WhenAll</c> uses the runtime's internal completion actions instead).
/// </summary>
internal sealed class ChildCountdown
{
    private readonly TaskCompletionSource _done = new();
    private readonly Action _onChildCompleted;
    private int _remaining;

    public ChildCountdown(int children)
    {
        _remaining = children;
        _onChildCompleted = OnChildCompleted;
    }

    public Task Task => _done.Task;

    public void Watch(Task child) => child.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onChildCompleted);

    private void OnChildCompleted()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.SetResult();
        }
    }
}
