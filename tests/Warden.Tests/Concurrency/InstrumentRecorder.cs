using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Warden.Tests.Concurrency;

/// <summary>Listens to one instrument of the "Warden" meter and sums what it records per tag value.</summary>
internal sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();

    public InstrumentRecorder(string instrumentName, string tagName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Warden" && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == tagName)
                {
                    _sums.AddOrUpdate(tag.Value?.ToString() ?? string.Empty, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.Start();
    }

    public long Sum(string tagValue) => _sums.TryGetValue(tagValue, out var sum) ? sum : 0;

    public void Dispose() => _listener.Dispose();
}
