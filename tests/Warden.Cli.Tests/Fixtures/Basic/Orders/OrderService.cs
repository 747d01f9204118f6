namespace Basic.Orders;

public sealed class OrderService
{
    private readonly HttpClient _http = new();

    public async Task<string> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var body = _http.GetStringAsync($"orders/{id}", cancellationToken).Result;
        Thread.Sleep(100);
        await Task.Yield();
        return body;
    }

    public async Task SaveAsync(string order, CancellationToken cancellationToken)
    {
        SendAuditAsync(order, cancellationToken);
        await Task.CompletedTask;
    }

    public async void OnSaved(string order)
    {
        await SaveAsync(order, CancellationToken.None);
    }

    public string LoadSync(int id) => LoadAsync(id, CancellationToken.None).GetAwaiter().GetResult();

    private static Task SendAuditAsync(string order, CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);
}
