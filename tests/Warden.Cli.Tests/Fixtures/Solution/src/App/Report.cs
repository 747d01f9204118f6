using Lib;

namespace App;

public static class Report
{
    // Catalog.CountAsync lives in the other project: the no-build mode resolves it through the project reference.
    public static async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        var count = Catalog.CountAsync(cancellationToken).Result;
        await Task.Yield();
        return $"{count} items";
    }
}
