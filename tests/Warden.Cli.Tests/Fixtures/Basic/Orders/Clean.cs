namespace Basic.Orders;

public static class Clean
{
    public static async Task<int> SumAsync(IEnumerable<int> values, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return values.Sum();
    }
}
