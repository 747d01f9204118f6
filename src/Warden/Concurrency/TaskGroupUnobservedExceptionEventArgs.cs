namespace Warden;

/// <summary>An error of a task group that had no other way out (see <see cref="TaskGroup.UnobservedException"/>).</summary>
public sealed class TaskGroupUnobservedExceptionEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="groupName">The group's name.</param>
    /// <param name="exception">The error(s).</param>
    public TaskGroupUnobservedExceptionEventArgs(string groupName, Exception exception)
    {
        GroupName = groupName;
        Exception = exception;
    }

    /// <summary>The group's name.</summary>
    public string GroupName { get; }

    /// <summary>The error; a <see cref="TaskGroupException"/> when there were several.</summary>
    public Exception Exception { get; }
}
