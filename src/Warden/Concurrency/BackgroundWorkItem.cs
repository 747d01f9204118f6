namespace Warden;

/// <summary>One piece of work offered to <see cref="BackgroundTasks"/>: its delegate, name and start site.</summary>
internal sealed record BackgroundWorkItem(string Name, string StartSite, Func<CancellationToken, Task> Work);
