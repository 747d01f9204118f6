namespace Warden;

/// <summary>How a failed group reports its errors.</summary>
public enum ErrorMode
{
    /// <summary>One <see cref="TaskGroupException"/> holding every failure in the order recorded, even a single one. The default.</summary>
    Aggregate,

    /// <summary>
    /// The first failure itself is rethrown; the others are attached to it and read with
    /// <see cref="TaskGroupException.GetSuppressed"/> (Kotlin's "suppressed" exceptions).
    /// </summary>
    First,
}
