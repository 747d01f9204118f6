namespace Warden.Testing.Leaks;

/// <summary>A task or async method started inside a plain-task audit and not finished yet.</summary>
internal sealed record PlainTask(PlainTaskRecorder Recorder, int TaskId, string Operation, string StartSite);
