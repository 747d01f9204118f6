using Lib;

namespace App;

public static class Report
{
    // Catalog.CountAsync lives in the other project: only a resolved reference shows that its task is dropped.
    public static async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        Catalog.CountAsync(cancellationToken);
        await Task.Yield();
        return "done";
    }
}
