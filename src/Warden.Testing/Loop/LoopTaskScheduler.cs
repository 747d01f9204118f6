namespace Warden.Testing.Loop;

/// <summary>
/// The loop's <see cref="TaskScheduler"/>: tasks started on it (<c>Task.Factory.StartNew</c>, the body itself) queue to the
/// loop like posted continuations. It never inlines, so every step goes through the schedule the loop chooses.
/// </summary>
internal sealed class LoopTaskScheduler(DeterministicLoop loop) : TaskScheduler
{
    public override int MaximumConcurrencyLevel => 1;

    internal void Execute(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => loop.Enqueue(new LoopWorkItem(null, null, task));

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => loop.QueuedTasks();
}
