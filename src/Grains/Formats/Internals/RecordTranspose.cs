using System.Runtime.CompilerServices;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Packed records ⇄ columns for a cache-sized block of records (the callers pass ~256 KB at a time).
/// <c>columns[c]</c> points at row 0 of the column whose field sits at <c>offsets[c]</c> with
/// <c>sizes[c]</c> bytes (8, 4 or 1).
/// </summary>
internal static unsafe class RecordTranspose
{
    /// <summary>Copies <paramref name="rowCount"/> records into rows [firstRow, firstRow + rowCount) of the columns.</summary>
    public static void Split(
        byte* records, int recordSize, long firstRow, long rowCount,
        ReadOnlySpan<int> offsets, ReadOnlySpan<int> sizes, byte** columns)
    {
        var count = sizes.Length;
        if (AllEight(sizes))
        {
            // Every field 8 bytes (the <i8/<f8 tables the seed wrote): one column at a time, so the stores run
            // down one array while the block's records stay in cache. Row by row, 27 columns meant 27 store
            // streams at once, and dev.py's 51,461 x 27 split took ~1.2x as long.
            for (var c = 0; c < count; c++)
            {
                var target = (ulong*)(columns[c] + (firstRow * 8));
                var source = records + offsets[c];
                for (long r = 0; r < rowCount; r++)
                {
                    target[r] = Unsafe.ReadUnaligned<ulong>(source + (r * recordSize));
                }
            }

            return;
        }

        fixed (int* offset = offsets, size = sizes)
        {
            for (long r = 0; r < rowCount; r++)
            {
                var source = records + (r * recordSize);
                var row = firstRow + r;
                for (var c = 0; c < count; c++)
                {
                    switch (size[c])
                    {
                        case 8:
                            Unsafe.WriteUnaligned(columns[c] + (row * 8), Unsafe.ReadUnaligned<ulong>(source + offset[c]));
                            break;
                        case 4:
                            Unsafe.WriteUnaligned(columns[c] + (row * 4), Unsafe.ReadUnaligned<uint>(source + offset[c]));
                            break;
                        default:
                            columns[c][row] = source[offset[c]];
                            break;
                    }
                }
            }
        }
    }

    /// <summary>Copies rows [firstRow, firstRow + rowCount) of the columns into packed records.</summary>
    public static void Join(
        byte** columns, long firstRow, long rowCount,
        ReadOnlySpan<int> offsets, ReadOnlySpan<int> sizes, byte* records, int recordSize)
    {
        var count = sizes.Length;
        if (AllEightContiguous(offsets, sizes))
        {
            var first = records + (count == 0 ? 0 : offsets[0]);
            for (long r = 0; r < rowCount; r++)
            {
                var target = first + (r * recordSize);
                var row = (firstRow + r) * 8;
                for (var c = 0; c < count; c++)
                {
                    Unsafe.WriteUnaligned(target + (c * 8), Unsafe.ReadUnaligned<ulong>(columns[c] + row));
                }
            }

            return;
        }

        fixed (int* offset = offsets, size = sizes)
        {
            for (long r = 0; r < rowCount; r++)
            {
                var target = records + (r * recordSize);
                var row = firstRow + r;
                for (var c = 0; c < count; c++)
                {
                    switch (size[c])
                    {
                        case 8:
                            Unsafe.WriteUnaligned(target + offset[c], Unsafe.ReadUnaligned<ulong>(columns[c] + (row * 8)));
                            break;
                        case 4:
                            Unsafe.WriteUnaligned(target + offset[c], Unsafe.ReadUnaligned<uint>(columns[c] + (row * 4)));
                            break;
                        default:
                            target[offset[c]] = columns[c][row];
                            break;
                    }
                }
            }
        }
    }

    private static bool AllEight(ReadOnlySpan<int> sizes)
    {
        foreach (var size in sizes)
        {
            if (size != 8)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllEightContiguous(ReadOnlySpan<int> offsets, ReadOnlySpan<int> sizes)
    {
        for (var c = 0; c < sizes.Length; c++)
        {
            if (sizes[c] != 8 || offsets[c] != offsets[0] + (c * 8))
            {
                return false;
            }
        }

        return true;
    }
}
