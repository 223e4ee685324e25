using System.Runtime.InteropServices;

namespace Rtl.Data;

/// <summary>
/// Allocates the arrays behind columns. A kernel's result array is written in full, so it is not zeroed;
/// and a large one is advised onto transparent huge pages (Linux), so that first touching a fresh 8 MB
/// result costs 4 page faults instead of 2,048 — numpy advises its large arrays the same way. That fault
/// storm, not the arithmetic, was most of the time of an element-wise task over 1,000,000 rows.
/// Set <c>RTL_MADVISE_HUGEPAGE=0</c> to turn the advice off.
/// </summary>
public static partial class ColumnMemory
{
    private const int MadviseHugePage = 14;
    private const nint HugePage = 2 << 20;

    // Below two huge pages most of an array would share its huge pages with neighbours: not worth a system call.
    private const long AdviseFrom = 2 * HugePage;

    private static readonly bool Advise =
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("RTL_MADVISE_HUGEPAGE") != "0";

    /// <summary>An uninitialised array for a column: the caller must write every element before sharing it.</summary>
    public static T[] Allocate<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        AdviseHugePages(array);
        return array;
    }

    private static unsafe void AdviseHugePages<T>(T[] array) where T : unmanaged
    {
        if (!Advise || (long)array.Length * sizeof(T) < AdviseFrom)
        {
            return;
        }

        // Large arrays live on the large object heap, which does not move them; the advice is only a hint
        // about an address range anyway, so a later move could cost speed, never correctness. The range is
        // widened to whole huge pages so the array's first and last ones qualify too; the neighbours it
        // touches are GC heap memory as well.
        fixed (T* start = array)
        {
            var first = (nint)start & ~(HugePage - 1);
            var end = ((nint)start + ((nint)array.Length * sizeof(T)) + HugePage - 1) & ~(HugePage - 1);
            if (end > first)
            {
                _ = madvise(first, (nuint)(end - first), MadviseHugePage);
            }
        }
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int madvise(nint address, nuint length, int advice);
}
