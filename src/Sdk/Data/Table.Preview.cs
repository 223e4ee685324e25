using System.Text;

namespace Rtl.Data;

public sealed partial class Table
{
    /// <summary>
    /// A numpy-like print of the records: every row when few, else the first and last
    /// <paramref name="edgeRows"/> with "..." between, then the dtype.
    /// </summary>
    public string ToPreview(int edgeRows = 3)
    {
        var text = new StringBuilder("array([");
        var shown = RowCount <= edgeRows * 2
            ? Enumerable.Range(0, RowCount)
            : Enumerable.Range(0, edgeRows).Concat(Enumerable.Range(RowCount - edgeRows, edgeRows));
        var first = true;
        var previous = -1;
        foreach (var row in shown)
        {
            if (!first)
            {
                text.Append(",\n       ");
            }

            if (previous >= 0 && row != previous + 1)
            {
                text.Append("...,\n       ");
            }

            text.Append('(').Append(string.Join(", ", columns.Select(c => c.Format(row))));
            text.Append(columns.Length == 1 ? ",)" : ")");
            first = false;
            previous = row;
        }

        text.Append("],\n      dtype=").Append(Schema).Append(')');
        text.Append($"  # {RowCount} rows x {ColumnCount} columns");
        return text.ToString();
    }

    public override string ToString() => $"Table({RowCount} rows: {string.Join(", ", Names)})";
}
