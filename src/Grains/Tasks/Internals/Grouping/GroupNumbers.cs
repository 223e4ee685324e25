using System.Numerics;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>
/// Numbers distinct 64-bit codes in order of first appearance with an open-addressing hash table: one read of the
/// codes, no sort, so grouping 1,000,000 rows into a few thousand groups costs a few milliseconds.
/// </summary>
internal static class GroupNumbers
{
    private const int InitialSlots = 1024;

    /// <summary>
    /// What <see cref="Number"/> allocates per distinct code at most: slots at most half full, so at most 4 a code
    /// after the last doubling and 8 over every table it grew through (4 bytes each), and the distinct codes and their
    /// first rows in arrays that at most double (at most 4 × 12 bytes over their growth), and the first rows returned.
    /// </summary>
    public const long BytesPerGroup = (8 * sizeof(int)) + (4 * (sizeof(ulong) + sizeof(int))) + sizeof(int);

    /// <summary>The fixed part: the first tables of slots and the first arrays of codes and rows.</summary>
    public const long FixedBytes = (2 * InitialSlots * sizeof(int)) + (InitialSlots * (sizeof(ulong) + sizeof(int)));

    /// <summary>
    /// Writes each row's group number (0, 1, … in order of first appearance) into <paramref name="groups"/> and
    /// returns the first row of every group.
    /// </summary>
    public static int[] Number(ReadOnlySpan<ulong> codes, Span<int> groups)
    {
        var slots = new int[InitialSlots]; // group + 1; 0 is an empty slot
        var shift = 64 - BitOperations.Log2((uint)slots.Length);
        var distinct = new ulong[InitialSlots];
        var firstRows = new int[InitialSlots];
        var count = 0;
        for (var row = 0; row < codes.Length; row++)
        {
            var code = codes[row];
            var slot = Slot(code, shift);
            var mask = slots.Length - 1;
            int found;
            while ((found = slots[slot]) != 0 && distinct[found - 1] != code)
            {
                slot = (slot + 1) & mask;
            }

            if (found == 0)
            {
                if (count == distinct.Length)
                {
                    Array.Resize(ref distinct, count * 2);
                    Array.Resize(ref firstRows, count * 2);
                }

                distinct[count] = code;
                firstRows[count] = row;
                found = ++count;
                slots[slot] = found;
                if (count * 2 > slots.Length)
                {
                    slots = Grow(distinct, count, slots.Length * 2, out shift);
                }
            }

            groups[row] = found - 1;
        }

        return firstRows.AsSpan(0, count).ToArray();
    }

    // Fibonacci hashing: the top bits of code × 2^64/φ spread consecutive integers (the common key) over the table.
    private static int Slot(ulong code, int shift) => (int)((code * 0x9E3779B97F4A7C15UL) >> shift);

    private static int[] Grow(ulong[] distinct, int count, int size, out int shift)
    {
        var slots = new int[size];
        shift = 64 - BitOperations.Log2((uint)size);
        var mask = size - 1;
        for (var group = 0; group < count; group++)
        {
            var slot = Slot(distinct[group], shift);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = group + 1;
        }

        return slots;
    }
}
