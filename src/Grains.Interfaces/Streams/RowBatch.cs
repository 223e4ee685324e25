using Rtl.Data;

namespace Rtl.Streams;

/// <summary>
/// Rows on their way into a stream, as a source hands them to the stream's DataNode: named <c>&lt;f8</c> columns of equal
/// length (a key a row lacks is NaN), plus the messages refused while reading them and the rows lost on the way (counted by the DataNode).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RowBatch(
    [property: Id(0)] IReadOnlyList<string> Columns,
    [property: Id(1)] IReadOnlyList<double[]> Values,
    [property: Id(2)] int Rejected = 0,
    [property: Id(3)] string? Error = null,
    [property: Id(4)] int Dropped = 0)
{
    public int RowCount => Values.Count == 0 ? 0 : Values[0].Length;

    /// <summary>Only refusals: nothing to add to the window, something to count.</summary>
    public static RowBatch Refused(int count, string error) => new([], [], count, error);

    /// <summary>Every column of <paramref name="table"/> as <c>&lt;f8</c>, the type stream rows have.</summary>
    public static RowBatch FromTable(Table table)
    {
        var values = new double[table.ColumnCount][];
        for (var c = 0; c < table.ColumnCount; c++)
        {
            values[c] = new double[table.RowCount];
            table[c].CopyDoubles(0, values[c]);
        }

        return new RowBatch([.. table.Names], values);
    }
}
