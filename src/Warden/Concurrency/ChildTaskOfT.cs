using System.Runtime.CompilerServices;

namespace Warden;

/// <summary>A child of a task group with a result. Awaiting it gives the result or rethrows the child's own failure.</summary>
/// <typeparam name="T">The child's result.</typeparam>
public readonly struct ChildTask<T> : IEquatable<ChildTask<T>>
{
    internal ChildTask(Task<T> task, string? name)
    {
        Task = task;
        Name = name;
    }

    /// <summary>The child's task.</summary>
    public Task<T> Task { get; }

    /// <summary>The name given to <c>Spawn</c>.</summary>
    public string? Name { get; }

    /// <summary>Gets an awaiter for the child's task.</summary>
    /// <returns>The awaiter.</returns>
    public TaskAwaiter<T> GetAwaiter() => Task.GetAwaiter();

    /// <summary>Configures how an await on the child resumes.</summary>
    /// <param name="continueOnCapturedContext">Whether to resume on the captured context.</param>
    /// <returns>The configured awaitable.</returns>
    public ConfiguredTaskAwaitable<T> ConfigureAwait(bool continueOnCapturedContext) => Task.ConfigureAwait(continueOnCapturedContext);

    /// <summary>The child without its result type.</summary>
    /// <returns>The untyped child.</returns>
    public ChildTask ToChildTask() => new(Task, Name);

    /// <summary>The child without its result type.</summary>
    /// <param name="child">The typed child.</param>
    public static implicit operator ChildTask(ChildTask<T> child) => child.ToChildTask();

    /// <inheritdoc />
    public bool Equals(ChildTask<T> other) => ReferenceEquals(Task, other.Task);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChildTask<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Task?.GetHashCode() ?? 0;

    /// <summary>Whether both refer to the same child.</summary>
    /// <param name="left">The first child.</param>
    /// <param name="right">The second child.</param>
    /// <returns><see langword="true"/> for the same child.</returns>
    public static bool operator ==(ChildTask<T> left, ChildTask<T> right) => left.Equals(right);

    /// <summary>Whether they refer to different children.</summary>
    /// <param name="left">The first child.</param>
    /// <param name="right">The second child.</param>
    /// <returns><see langword="true"/> for different children.</returns>
    public static bool operator !=(ChildTask<T> left, ChildTask<T> right) => !left.Equals(right);
}
