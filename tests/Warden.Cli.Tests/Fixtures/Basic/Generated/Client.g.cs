// Generated-looking file name: compiled, never reported.
namespace Basic.Generated;

public static class Client
{
    public static async Task RunAsync()
    {
        Thread.Sleep(1000);
        await Task.Yield();
    }
}
