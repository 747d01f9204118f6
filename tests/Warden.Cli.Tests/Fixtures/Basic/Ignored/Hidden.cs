namespace Basic.Ignored;

// Ignored by Basic/.gitignore: audit must never report this file.
public static class Hidden
{
    public static async Task RunAsync()
    {
        Thread.Sleep(1000);
        await Task.Yield();
    }
}
