namespace SyntaxErrors;

public static class Broken
{
    public static async Task PauseAsync()
    {
        Thread.Sleep(10);
        await Task.Yield();
    }

    public static int Half(int value
    {
        return value / 2
    }

    public static void Dangling( => ;
