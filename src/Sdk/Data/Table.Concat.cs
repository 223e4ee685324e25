namespace Rtl.Data;

public sealed partial class Table
{
    /// <summary>The rows of every table in order; all must have the same column names and types.</summary>
    public static Table Concat(IReadOnlyList<Table> parts)
    {
        if (parts.Count == 0)
        {
            return Empty;
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var first = parts[0];
        var total = 0L;
        foreach (var part in parts)
        {
            if (!part.Names.SequenceEqual(first.Names) || part.Columns.Select(c => c.Type).SequenceEqual(first.Columns.Select(c => c.Type)) is false)
            {
                throw new ArgumentException($"cannot join tables with different columns: {first.Schema} and {part.Schema}");
            }

            total += part.RowCount;
        }

        if (total > int.MaxValue)
        {
            throw new ArgumentException($"the joined table would have {total} rows (at most {int.MaxValue})");
        }

        var joined = new Column[first.ColumnCount];
        for (var c = 0; c < joined.Length; c++)
        {
            var allocation = Column.Allocate(first[c].Type, (int)total);
            var destination = allocation.WritableBytes;
            var offset = 0;
            foreach (var part in parts)
            {
                var bytes = part[c].Bytes;
                bytes.CopyTo(destination[offset..]);
                offset += bytes.Length;
            }

            joined[c] = allocation.Column;
        }

        return new Table(first.names, joined);
    }
}
