namespace Warden;

/// <summary>A <c>SpawnAsync</c> call waiting for a slot; the result says whether it got one.</summary>
internal sealed class SlotWaiter : SlotRequest
{
    private readonly TaskCompletionSource<bool> _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<bool> Granted => _granted.Task;

    public override void Grant() => _granted.TrySetResult(true);

    public override void Deny() => _granted.TrySetResult(false);
}
