using Contoso.Messaging;

namespace Unresolved;

public sealed class Worker(IBus bus, IQueueClient queue)
{
    // Every call below is on an unresolved type: no rule may guess that these are tasks.
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        bus.Publish(new Message("hello"));
        var reply = queue.Receive().Result;
        queue.Wait();
        await bus.FlushAsync(cancellationToken);
        Console.WriteLine(reply);
    }

    // A real finding among the unresolved ones: analysis still runs on what resolves.
    public async Task PauseAsync()
    {
        Thread.Sleep(10);
        await Task.Yield();
    }
}
