namespace Warden;

/// <summary>Describes a background task that ended with a failure.</summary>
public sealed class BackgroundTaskFaultedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="name">The task's name.</param>
    /// <param name="startSite">Where the task was started.</param>
    /// <param name="exception">The failure.</param>
    public BackgroundTaskFaultedEventArgs(string name, string startSite, Exception exception)
    {
        Name = name;
        StartSite = startSite;
        Exception = exception;
    }

    /// <summary>The name given to <see cref="BackgroundTasks.TryStart"/>.</summary>
    public string Name { get; }

    /// <summary>Where <see cref="BackgroundTasks.TryStart"/> was called (<c>Member (File.cs:Line)</c>).</summary>
    public string StartSite { get; }

    /// <summary>The exception the task ended with.</summary>
    public Exception Exception { get; }
}
