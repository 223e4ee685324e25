using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>
/// A table as planning sees it, before any data moves: its columns and at most how many rows it has. The rows
/// are exact for the table a job is given and an upper bound after a task that may drop rows or reads a file.
/// </summary>
public sealed record TablePlan(TableSchema Schema, long Rows)
{
    public static TablePlan Of(Table table) => new(table.Schema, table.RowCount);

    /// <summary>The bytes of one row over every column.</summary>
    public long RowBytes => Schema.Columns.Sum(c => (long)c.Type.Size());

    /// <summary>At most how many bytes the table's columns hold.</summary>
    public long Bytes => CostMath.Times(Rows, RowBytes);
}
