using System.Threading;
using System.Threading.Tasks;

namespace BrokenProject;

public static class Job
{
    public static async Task RunAsync()
    {
        Thread.Sleep(10);
        await Task.Yield();
    }
}
