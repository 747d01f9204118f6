using System.Net.Http.Json;
using System.Text.Json;

namespace AnalyzerConsumer;

/// <summary>Code an outside team might write; each commented line is something Warden.Analyzers reports.</summary>
public sealed class OrderService(HttpClient http)
{
    public async Task<Order?> GetOrderAsync(int id, CancellationToken cancellationToken)
    {
        var audit = File.ReadAllText("audit.log");                                        // WD203
        Thread.Sleep(100);                                                                // WD202
        var json = await http.GetStringAsync($"/orders/{id}", cancellationToken);
        var order = JsonSerializer.Deserialize<Order>(json);                              // WD204
        var stock = http.GetFromJsonAsync<int>($"/stock/{id}", cancellationToken).Result; // WD201
        return order is null ? null : order with { InStock = stock, Audit = audit.Length };
    }

    public Order? GetOrder(int id) => GetOrderAsync(id, CancellationToken.None).GetAwaiter().GetResult(); // WD205

    public async Task<string?> ReadCommandAsync() => await Console.In.ReadLineAsync();   // WD401
}
