using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks.Internals.Grouping;

/// <summary>
/// The distinct combinations of a table's key columns: each row's group (numbered by first appearance) and each
/// group's first row. Float keys compare as numpy's values do, except that every NaN is one key and -0 equals 0.
/// </summary>
internal sealed class KeyGroups
{
    private static readonly ulong NaNCode = BitConverter.DoubleToUInt64Bits(double.NaN);

    private KeyGroups(int[] groupOfRow, int[] firstRows) => (GroupOfRow, FirstRows) = (groupOfRow, firstRows);

    public int[] GroupOfRow { get; }

    /// <summary>The first row of each group, by group number: the row whose key values the result shows.</summary>
    public int[] FirstRows { get; }

    public int Count => FirstRows.Length;

    /// <summary>
    /// What <see cref="Find"/> allocates for <paramref name="input"/>'s rows (each may be a group of its own): codes and
    /// group numbers a row, the numbering of each key column and of each combination of them, and a widened copy of a
    /// key that is neither <c>&lt;i8</c>, <c>&lt;i4</c> nor <c>&lt;f8</c>.
    /// </summary>
    public static TaskCost FindCost(TaskCost cost, string argument, TablePlan input, IReadOnlyList<string> keys)
    {
        var numberings = (2 * keys.Count) - 1;
        var widened = keys.Count(k => input.Schema.TypeOf(k) is not (DType.I8 or DType.I4 or DType.F8));
        cost = cost
            .Plus(argument, input.Rows, "rows", sizeof(ulong) + sizeof(int) + (keys.Count > 1 ? sizeof(int) : 0), "of key codes and group numbers")
            .Plus(argument, input.Rows, "possible groups", GroupNumbers.BytesPerGroup * numberings, $"to number them ({numberings} numbering{(numberings == 1 ? "" : "s")})")
            .PlusFixed(argument, GroupNumbers.FixedBytes * numberings, "of first hash tables");
        return widened == 0 ? cost : cost.Plus(argument, input.Rows, "rows", sizeof(double) * (long)widened, "of key columns read as doubles");
    }

    public static KeyGroups Find(IReadOnlyList<Column> keys, int rows)
    {
        var codes = ColumnMemory.Allocate<ulong>(rows);
        var groups = ColumnMemory.Allocate<int>(rows);
        Codes(keys[0], codes);
        var firstRows = GroupNumbers.Number(codes, groups);
        if (keys.Count > 1)
        {
            // A combination is (group so far, number of the next key): numbered again, it stays below the row count.
            var numbers = ColumnMemory.Allocate<int>(rows);
            for (var k = 1; k < keys.Count; k++)
            {
                Codes(keys[k], codes);
                var width = (ulong)GroupNumbers.Number(codes, numbers).Length;
                for (var row = 0; row < rows; row++)
                {
                    codes[row] = ((ulong)groups[row] * width) + (ulong)numbers[row];
                }

                firstRows = GroupNumbers.Number(codes, groups);
            }
        }

        return new KeyGroups(groups, firstRows);
    }

    /// <summary>
    /// The key columns at each group's first row, in ascending key order (as <c>sort</c>: NaN last), and the group
    /// numbers in that order.
    /// </summary>
    public (Table Keys, int[] Order) InKeyOrder(IReadOnlyList<string> names, IReadOnlyList<Column> keys)
    {
        var firsts = Table.Create(names.Select((name, k) => (name, keys[k])).ToArray()).Gather(FirstRows);
        var order = RadixSort.Order(firsts.Columns, Count);
        return (RadixSort.IsIdentity(order) ? firsts : firsts.Gather(order), order);
    }

    /// <summary>What <see cref="InKeyOrder"/> allocates when every row is a group: the keys gathered twice and ordered.</summary>
    public static TaskCost InKeyOrderCost(TaskCost cost, string argument, TablePlan input, IReadOnlyList<string> keys)
    {
        var keyBytes = keys.Sum(k => (long)input.Schema.TypeOf(k)!.Value.Size());
        return cost.Plus(argument, input.Rows, "possible groups", 2 * keyBytes, "of their keys, gathered and in order").OrderCost(argument, input, keys);
    }

    /// <summary>Equal codes for equal keys: integers as they are, doubles by their bits with one NaN and -0 as 0.</summary>
    private static void Codes(Column column, Span<ulong> codes)
    {
        switch (column)
        {
            case Column<long> longs:
                longs.Span.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, long>(codes));
                break;
            case Column<int> ints:
                var span = ints.Span;
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = (ulong)(long)span[i];
                }

                break;
            default:
                var doubles = column.AsDoubles();
                for (var i = 0; i < codes.Length; i++)
                {
                    var value = doubles[i];
                    codes[i] = double.IsNaN(value) ? NaNCode : BitConverter.DoubleToUInt64Bits(value + 0.0);
                }

                break;
        }
    }
}
