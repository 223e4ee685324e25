using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>Byte offset and size of every field in a packed numpy record (no padding, as the seed wrote them).</summary>
internal sealed class RecordLayout
{
    public RecordLayout(TableSchema schema)
    {
        Schema = schema;
        Offsets = new int[schema.Columns.Count];
        Sizes = new int[schema.Columns.Count];
        var offset = 0;
        for (var i = 0; i < Offsets.Length; i++)
        {
            Offsets[i] = offset;
            Sizes[i] = schema.Columns[i].Type.Size();
            offset += Sizes[i];
        }

        RecordSize = offset;
    }

    public TableSchema Schema { get; }

    public int[] Offsets { get; }

    public int[] Sizes { get; }

    public int RecordSize { get; }

    /// <summary>
    /// The fields at <paramref name="pick"/> (indices into the schema, in the order wanted) of the same records:
    /// the schema of a table holding only them, and where each sits in a record.
    /// </summary>
    public (TableSchema Schema, int[] Offsets, int[] Sizes) Fields(IReadOnlyList<int>? pick)
    {
        if (pick is null)
        {
            return (Schema, Offsets, Sizes);
        }

        return (new TableSchema(pick.Select(i => Schema.Columns[i])), [.. pick.Select(i => Offsets[i])], [.. pick.Select(i => Sizes[i])]);
    }
}
