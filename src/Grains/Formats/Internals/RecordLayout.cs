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
}
