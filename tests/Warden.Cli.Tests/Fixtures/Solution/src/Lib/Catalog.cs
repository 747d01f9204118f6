namespace Lib;

public static class Catalog
{
    public static async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return 42;
    }
}
