namespace SyntaxErrors;

public static class Fine
{
    public static async Task WaitAsync()
    {
        Thread.Sleep(20);
        await Task.Yield();
    }
}
