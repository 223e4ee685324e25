namespace Rtl.Data;

/// <summary>
/// Rows picked from a table (indices into it, in order), shared by every column selected with them, so a
/// filter stores one index array instead of a copy of each column.
/// </summary>
internal sealed class RowSelection
{
    private readonly int[] rows;

    public RowSelection(int[] rows, int count)
    {
        this.rows = rows;
        Count = count;
    }

    public int Count { get; }

    public ReadOnlySpan<int> Rows => rows.AsSpan(0, Count);

    /// <summary>These rows as picked by <paramref name="next"/>: a selection of a selection, over the original source.</summary>
    public RowSelection Then(RowSelection next)
    {
        var composed = ColumnMemory.Allocate<int>(next.Count);
        var mine = Rows;
        var theirs = next.Rows;
        for (var i = 0; i < composed.Length; i++)
        {
            composed[i] = mine[theirs[i]];
        }

        return new RowSelection(composed, composed.Length);
    }
}
