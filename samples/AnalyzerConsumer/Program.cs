using AnalyzerConsumer;

using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
Console.WriteLine(new OrderService(http).GetType().Name + " builds; run `dotnet build` to see the Warden warnings.");
