namespace Warden;

/// <summary>Handed to work started with <see cref="ITaskGroup.StartAsync"/>; the work calls <see cref="Started"/> once it is ready.</summary>
/// <typeparam name="TStart">The value handed back to the caller of <c>StartAsync</c>.</typeparam>
public interface IStartStatus<in TStart>
{
    /// <summary>Reports readiness: <c>StartAsync</c> returns <paramref name="value"/>, and from now on the work's errors belong to the group.</summary>
    /// <param name="value">The value for the caller (for example the port a listener bound).</param>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    void Started(TStart value);
}
