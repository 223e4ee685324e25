using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks.Internals;

/// <summary>
/// Stable sorting of row indices by column values: each value maps to an unsigned key with the same order
/// (NaN last, -0 equal to 0, equal values equal keys), then an LSD radix sort orders the rows — stable, so
/// ties keep their input order and sorting by several columns is sorting by each, last column first.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = (64 + Bits - 1) / Bits;
    private const ulong Sign = 1UL << 63;

    /// <summary>The digit counts one <see cref="Sort"/> allocates, whatever the row count.</summary>
    public const long CountsBytes = Passes * Buckets * sizeof(int);

    /// <summary>
    /// What <see cref="Order(IReadOnlyList{Column}, int, out ulong[], bool)"/> allocates: the order and the keys, per key
    /// column one sort's second buffers and digit counts (counted as garbage not yet collected), and a copy as doubles of
    /// each key column read through them (<see cref="WidenedKeys"/>).
    /// </summary>
    public static TaskCost OrderCost(this TaskCost cost, string argument, TablePlan input, IReadOnlyList<string> keys) => cost
        .Plus(argument, input.Rows, "rows", sizeof(int) + sizeof(ulong) + ((sizeof(ulong) + sizeof(int) + (sizeof(double) * WidenedKeys(input, keys))) * (long)keys.Count),
            $"to order them by {keys.Count} key column{(keys.Count == 1 ? "" : "s")}")
        .PlusFixed(argument, keys.Count * CountsBytes, "of digit counts");

    /// <summary>1 when any key is a <c>&lt;f4</c> column: <see cref="Keys"/> reads those through a widened copy.</summary>
    public static int WidenedKeys(TablePlan input, IEnumerable<string> keys) => keys.Any(k => input.Schema.TypeOf(k) == DType.F4) ? 1 : 0;

    /// <summary>What <see cref="SortedDoubles"/> allocates: the keys, the sort's second buffer, the sorted values, the counts.</summary>
    public static TaskCost SortedDoublesCost(this TaskCost cost, string argument, long rows) => cost
        .Plus(argument, rows, "rows", 3 * sizeof(ulong), "to sort them")
        .PlusFixed(argument, CountsBytes, "of digit counts");

    /// <summary>The rows of a table with these key columns in ascending (or descending) lexicographic order.</summary>
    public static int[] Order(IReadOnlyList<Column> columns, int rows, bool descending = false) =>
        Order(columns, rows, out _, descending);

    /// <summary>
    /// As <see cref="Order(IReadOnlyList{Column}, int, bool)"/>; <paramref name="sortedKeys"/> are the first
    /// column's keys in that order, so callers can find runs of equal values without random reads.
    /// </summary>
    public static int[] Order(IReadOnlyList<Column> columns, int rows, out ulong[] sortedKeys, bool descending = false)
    {
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        var keys = new ulong[rows];
        for (var c = columns.Count - 1; c >= 0; c--)
        {
            Keys(columns[c], c == columns.Count - 1 ? null : order, keys, descending);
            Sort(keys, order);
        }

        sortedKeys = keys;
        return order;
    }

    /// <summary>The keys of <paramref name="column"/> at the rows of <paramref name="order"/>, in that order.</summary>
    public static ulong[] KeysInOrder(Column column, int[] order)
    {
        var keys = new ulong[order.Length];
        Keys(column, order, keys, false);
        return keys;
    }

    /// <summary>The values sorted ascending, NaN last (numpy's np.sort); -0 keeps its sign, just before +0.</summary>
    public static double[] SortedDoubles(ReadOnlySpan<double> values)
    {
        var keys = ColumnMemory.Allocate<ulong>(values.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var value = values[i];
            var bits = BitConverter.DoubleToUInt64Bits(value);
            keys[i] = double.IsNaN(value) ? ulong.MaxValue : (bits & Sign) != 0 ? ~bits : bits | Sign;
        }

        Sort(keys, null);
        var sorted = ColumnMemory.Allocate<double>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            sorted[i] = key == ulong.MaxValue ? double.NaN : BitConverter.UInt64BitsToDouble((key & Sign) != 0 ? key ^ Sign : ~key);
        }

        return sorted;
    }

    /// <summary>Keys of <c>column[rows[i]]</c> (or <c>column[i]</c> when <paramref name="rows"/> is null).</summary>
    private static void Keys(Column column, int[]? rows, ulong[] keys, bool descending)
    {
        var n = keys.Length;
        switch (column)
        {
            case Column<long> l:
                var longs = l.Span;
                for (var i = 0; i < n; i++)
                {
                    keys[i] = (ulong)longs[rows is null ? i : rows[i]] ^ Sign;
                }

                break;
            case Column<int> or Column<byte> or Column<bool>:
                for (var i = 0; i < n; i++)
                {
                    keys[i] = (ulong)(long)column.GetDouble(rows is null ? i : rows[i]) ^ Sign;
                }

                break;
            default:
                var doubles = column.AsDoubles();
                for (var i = 0; i < n; i++)
                {
                    keys[i] = Key(doubles[rows is null ? i : rows[i]]);
                }

                break;
        }

        if (descending)
        {
            // Reverse the order of values but keep NaN (the largest key) last.
            for (var i = 0; i < n; i++)
            {
                keys[i] = keys[i] == ulong.MaxValue ? ulong.MaxValue : ~keys[i] - 1;
            }
        }
    }

    private static ulong Key(double value)
    {
        if (double.IsNaN(value))
        {
            return ulong.MaxValue;
        }

        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        return (bits & Sign) != 0 ? ~bits : bits | Sign;
    }

    /// <summary>Sorts <paramref name="keys"/> ascending, carrying <paramref name="items"/> (if any) along; stable.</summary>
    public static void Sort(ulong[] keys, int[]? items)
    {
        var n = keys.Length;
        if (n < 2)
        {
            return;
        }

        // One read of the keys counts the digits of every pass.
        var counts = new int[Passes * Buckets];
        ref var count0 = ref MemoryMarshal.GetArrayDataReference(counts);
        foreach (var key in keys)
        {
            for (var p = 0; p < Passes; p++)
            {
                Unsafe.Add(ref count0, (p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1)))++;
            }
        }

        var keysFrom = keys;
        var itemsFrom = items;
        var keysTo = ColumnMemory.Allocate<ulong>(n);
        var itemsTo = items is null ? null : ColumnMemory.Allocate<int>(n);
        for (var p = 0; p < Passes; p++)
        {
            var count = counts.AsSpan(p * Buckets, Buckets);
            var shift = p * Bits;
            if (count[(int)((keysFrom[0] >> shift) & (Buckets - 1))] == n)
            {
                continue; // every key has the same digit here
            }

            // Counts become each bucket's start.
            var start = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (count[b], start) = (start, start + count[b]);
            }

            Scatter(keysFrom, itemsFrom, keysTo, itemsTo, count, shift);
            (keysFrom, keysTo) = (keysTo, keysFrom);
            (itemsFrom, itemsTo) = (itemsTo, itemsFrom);
        }

        if (!ReferenceEquals(keysFrom, keys))
        {
            keysFrom.CopyTo(keys, 0);
            itemsFrom?.CopyTo(items!, 0);
        }
    }

    /// <summary>One counting-sort pass on the digit at <paramref name="shift"/>; every target index is in range
    /// because the bucket starts come from counting these very keys.</summary>
    private static void Scatter(ulong[] keysFrom, int[]? itemsFrom, ulong[] keysTo, int[]? itemsTo, Span<int> starts, int shift)
    {
        ref var start = ref MemoryMarshal.GetReference(starts);
        ref var keyTo = ref MemoryMarshal.GetArrayDataReference(keysTo);
        if (itemsFrom is null || itemsTo is null)
        {
            foreach (var key in keysFrom)
            {
                Unsafe.Add(ref keyTo, Unsafe.Add(ref start, (int)((key >> shift) & (Buckets - 1)))++) = key;
            }

            return;
        }

        ref var itemTo = ref MemoryMarshal.GetArrayDataReference(itemsTo);
        for (var i = 0; i < keysFrom.Length; i++)
        {
            var key = keysFrom[i];
            var at = Unsafe.Add(ref start, (int)((key >> shift) & (Buckets - 1)))++;
            Unsafe.Add(ref keyTo, at) = key;
            Unsafe.Add(ref itemTo, at) = itemsFrom[i];
        }
    }

    /// <summary>True when <paramref name="order"/> is 0, 1, 2, …: the rows were already in order.</summary>
    public static bool IsIdentity(ReadOnlySpan<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] != i)
            {
                return false;
            }
        }

        return true;
    }
}
