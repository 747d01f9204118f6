namespace AnalyzerConsumer;

public sealed record Order(int Id, int InStock, int Audit);
