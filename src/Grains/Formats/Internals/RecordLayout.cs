using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Byte offset and size of every field in a packed numpy record (no padding, as the seed wrote them); a layout
/// <see cref="Picked"/> from it holds only some fields, still at their places in the whole record.
/// </summary>
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

    private RecordLayout(TableSchema schema, int[] offsets, int[] sizes, int recordSize) =>
        (Schema, Offsets, Sizes, RecordSize) = (schema, offsets, sizes, recordSize);

    /// <summary>The fields this layout reads or writes.</summary>
    public TableSchema Schema { get; }

    public int[] Offsets { get; }

    public int[] Sizes { get; }

    /// <summary>The whole record's size, picked fields or not.</summary>
    public int RecordSize { get; }

    /// <summary>The fields at <paramref name="pick"/> (indices into the schema, in the order wanted) of the same records; all of them for null.</summary>
    public RecordLayout Picked(IReadOnlyList<int>? pick) => pick is null ? this : new(
        new TableSchema(pick.Select(i => Schema.Columns[i])), [.. pick.Select(i => Offsets[i])], [.. pick.Select(i => Sizes[i])], RecordSize);
}
