using System.Buffers;
using Rtl.Data;

namespace Rtl.Messaging;

/// <summary>
/// A table's column bytes in wire order, for a writer to send as they come: a materialized column as its own bytes, a
/// filter's not-yet-gathered column gathered 64 KB at a time into one pooled buffer instead of copied whole first.
/// The table codec writes them into an Orleans message, the bulk listener onto its socket. Enumerate it with
/// <c>foreach</c>, which disposes it and so returns the buffer; a block is valid until the next one is asked for.
/// </summary>
internal ref struct ColumnBlocks
{
    private const int PieceBytes = 64 * 1024;

    private readonly IReadOnlyList<Column> columns;
    private int index = -1;
    private int start; // the next row of a not-yet-gathered column
    private byte[]? piece;

    public ColumnBlocks(Table table) => columns = table.Columns;

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly ColumnBlocks GetEnumerator() => this;

    public bool MoveNext()
    {
        while (true)
        {
            if (index >= 0 && !columns[index].IsMaterialized && start < columns[index].Length)
            {
                var column = columns[index];
                var size = column.Type.Size();
                var rows = Math.Min(PieceBytes / size, column.Length - start);
                piece ??= ArrayPool<byte>.Shared.Rent(PieceBytes);
                var part = piece.AsSpan(0, rows * size);
                column.CopyBytes(start, part);
                start += rows;
                Current = part;
                return true;
            }

            if (++index >= columns.Count)
            {
                return false;
            }

            start = 0;
            if (columns[index].IsMaterialized)
            {
                Current = columns[index].Bytes;
                return true;
            }
        }
    }

    public void Dispose()
    {
        if (piece is not null)
        {
            ArrayPool<byte>.Shared.Return(piece);
            piece = null;
        }
    }
}
