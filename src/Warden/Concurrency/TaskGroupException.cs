namespace Warden;

/// <summary>
/// The one exception a failed task group throws: every failure recorded, in the order recorded (the first is the
/// root cause), de-duplicated by reference. Nested groups stay nested; use <see cref="Flatten"/>, <see cref="Split{TException}"/>
/// or <see cref="Handle"/> in place of Python's <c>except*</c>.
/// </summary>
public class TaskGroupException : AggregateException
{
    private const string SuppressedKey = "Warden.TaskGroup.Suppressed";

    /// <summary>Creates an empty group exception.</summary>
    public TaskGroupException()
        : base("A task group failed.")
    {
    }

    /// <summary>Creates a group exception with a message.</summary>
    /// <param name="message">The message.</param>
    public TaskGroupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a group exception with a message and one cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TaskGroupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a group exception holding <paramref name="innerExceptions"/> in order.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerExceptions">The failures.</param>
    public TaskGroupException(string message, IEnumerable<Exception> innerExceptions)
        : base(message, innerExceptions)
    {
    }

    /// <summary>The first recorded failure: the root cause that cancelled the group.</summary>
    public Exception RootCause => InnerExceptions[0];

    /// <summary>
    /// With <see cref="ErrorMode.First"/>, the failures recorded after <paramref name="exception"/> (attached to it by the group).
    /// </summary>
    /// <param name="exception">An exception rethrown by a group in <see cref="ErrorMode.First"/> mode.</param>
    /// <returns>The other failures, or an empty list.</returns>
    public static IReadOnlyList<Exception> GetSuppressed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data[SuppressedKey] as Exception[] ?? [];
    }

    /// <summary>Every leaf failure, with nested <see cref="AggregateException"/>s (including nested groups) expanded, in order.</summary>
    /// <returns>A flat group exception.</returns>
    public new TaskGroupException Flatten()
    {
        var leaves = new List<Exception>();
        Collect(this, leaves);
        return new TaskGroupException(Message, leaves);
    }

    /// <summary>
    /// Splits the failures by type, keeping the nesting of inner groups (like Python's <c>ExceptionGroup.split</c>).
    /// </summary>
    /// <typeparam name="TException">The type to pick out.</typeparam>
    /// <returns>The matching part and the remaining part; either is <see langword="null"/> when empty.</returns>
    public (TaskGroupException? Matched, TaskGroupException? Remaining) Split<TException>()
        where TException : Exception
    {
        var matched = new List<Exception>();
        var rest = new List<Exception>();
        foreach (var inner in InnerExceptions)
        {
            if (inner is TException)
            {
                matched.Add(inner);
            }
            else if (inner is TaskGroupException nested)
            {
                var (nestedMatched, nestedRest) = nested.Split<TException>();
                if (nestedMatched is not null)
                {
                    matched.Add(nestedMatched);
                }

                if (nestedRest is not null)
                {
                    rest.Add(nestedRest);
                }
            }
            else
            {
                rest.Add(inner);
            }
        }

        return (matched.Count == 0 ? null : new TaskGroupException(Message, matched), rest.Count == 0 ? null : new TaskGroupException(Message, rest));
    }

    /// <summary>
    /// Calls <paramref name="predicate"/> on every leaf failure; if any returns <see langword="false"/>, throws a new
    /// <see cref="TaskGroupException"/> holding those unhandled failures.
    /// </summary>
    /// <param name="predicate">Returns <see langword="true"/> for a failure it handled.</param>
    /// <exception cref="TaskGroupException">Some failures were not handled.</exception>
    public new void Handle(Func<Exception, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var unhandled = Flatten().InnerExceptions.Where(inner => !predicate(inner)).ToList();
        if (unhandled.Count > 0)
        {
            throw new TaskGroupException(Message, unhandled);
        }
    }

    internal static void AttachSuppressed(Exception first, Exception[] others) => first.Data[SuppressedKey] = others;

    private static void Collect(Exception exception, List<Exception> leaves)
    {
        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                Collect(inner, leaves);
            }
        }
        else
        {
            leaves.Add(exception);
        }
    }
}
