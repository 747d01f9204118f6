using System.Runtime.CompilerServices;

namespace Warden;

/// <summary>A child of a task group. Awaiting it gives the child's own outcome; the group reports its failure too (once).</summary>
public readonly struct ChildTask : IEquatable<ChildTask>
{
    internal ChildTask(Task task, string? name)
    {
        Task = task;
        Name = name;
    }

    /// <summary>The child's task.</summary>
    public Task Task { get; }

    /// <summary>The name given to <c>Spawn</c>.</summary>
    public string? Name { get; }

    /// <summary>Gets an awaiter for the child's task.</summary>
    /// <returns>The awaiter.</returns>
    public TaskAwaiter GetAwaiter() => Task.GetAwaiter();

    /// <summary>Configures how an await on the child resumes.</summary>
    /// <param name="continueOnCapturedContext">Whether to resume on the captured context.</param>
    /// <returns>The configured awaitable.</returns>
    public ConfiguredTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) => Task.ConfigureAwait(continueOnCapturedContext);

    /// <inheritdoc />
    public bool Equals(ChildTask other) => ReferenceEquals(Task, other.Task);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChildTask other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Task?.GetHashCode() ?? 0;

    /// <summary>Whether both refer to the same child.</summary>
    /// <param name="left">The first child.</param>
    /// <param name="right">The second child.</param>
    /// <returns><see langword="true"/> for the same child.</returns>
    public static bool operator ==(ChildTask left, ChildTask right) => left.Equals(right);

    /// <summary>Whether they refer to different children.</summary>
    /// <param name="left">The first child.</param>
    /// <param name="right">The second child.</param>
    /// <returns><see langword="true"/> for different children.</returns>
    public static bool operator !=(ChildTask left, ChildTask right) => !left.Equals(right);
}
