using System.Runtime.InteropServices;

namespace Warden;

/// <summary>
/// An <see cref="int"/> alone on its cache line. A group's live count is written by every completing child, often on
/// another core than the one spawning; padding keeps those writes from evicting the group's read-mostly fields (its
/// options, token and name) from the spawning core's cache on every child.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedCounter
{
    /// <summary>The counter, 64 bytes from either edge of the struct.</summary>
    [FieldOffset(64)]
    public int Value;
}
