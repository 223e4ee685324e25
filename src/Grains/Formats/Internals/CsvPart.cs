using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// A run of whole lines of a mapped delimited file, parsed on one thread into the rows reserved for it
/// (one per line; blank lines leave some unused). Cells are parsed straight from the bytes; a cell
/// the byte scanners do not take goes to <see cref="CellNumbers"/> decoded (<c>CsvPart.Text.cs</c>).
/// </summary>
internal sealed unsafe partial class CsvPart
{
    private readonly CsvRowLayout layout;

    public CsvPart(CsvRowLayout layout, long start, long end, long firstSlot)
    {
        this.layout = layout;
        Start = start;
        End = end;
        FirstSlot = firstSlot;
        Kinds = [.. layout.Types.Select(KindOf)];
        NegativeZeros = new List<long>?[layout.ColumnCount];
    }

    /// <summary>The part's first byte; it starts a line.</summary>
    public long Start { get; }

    /// <summary>Just after the part's last <c>\n</c>, or the end of the file.</summary>
    public long End { get; }

    /// <summary>The row the part's first row is stored in.</summary>
    public long FirstSlot { get; }

    public long Rows { get; private set; }

    /// <summary>Each column's state after the part: an inferred column may have turned to floats.</summary>
    public CsvSlotKind[] Kinds { get; }

    /// <summary>Rows of integer-so-far inferred columns whose cell was <c>-0</c>: a long cannot hold the sign.</summary>
    public List<long>?[] NegativeZeros { get; }

    /// <summary>The error, or text needing Sep, that stopped the part; null when it parsed to its end.</summary>
    public CsvProblem? Problem { get; private set; }

    private enum RowOutcome
    {
        Row,
        Blank,
        Stop,
    }

    /// <summary>The lines in <c>[start, end)</c>, counting a last line without <c>\n</c>: the rows they can hold.</summary>
    public static long CountLines(byte* text, long start, long end)
    {
        var lines = CsvBytes.LineNumber(text + start, text + end) - 1L;
        return end > start && text[end - 1] != '\n' ? lines + 1 : lines;
    }

    public void Parse()
    {
        var p = layout.Text + Start;
        var end = layout.Text + End;
        var row = FirstSlot;
        while (p < end)
        {
            if (*p == '\n')
            {
                p++; // an empty line
                continue;
            }

            var outcome = ParseRow(ref p, end, row);
            if (outcome == RowOutcome.Row)
            {
                row++;
            }
            else if (outcome == RowOutcome.Stop)
            {
                break;
            }
        }

        Rows = row - FirstSlot;
    }

    /// <summary>Integers become doubles in place: an inferred column that some part found floats in.</summary>
    public static void WidenToFloats(byte* slots, long from, long to, List<long>? negativeZeros)
    {
        var integers = (long*)slots;
        var floats = (double*)slots;
        for (var row = from; row < to; row++)
        {
            floats[row] = integers[row];
        }

        foreach (var row in negativeZeros ?? [])
        {
            floats[row] = -0.0;
        }
    }

    private static CsvSlotKind KindOf(DType? type) => type switch
    {
        null => CsvSlotKind.InferredInteger,
        DType.I8 => CsvSlotKind.Int64,
        DType.F8 => CsvSlotKind.Double,
        _ => CsvSlotKind.Other,
    };

    private RowOutcome ParseRow(ref byte* p, byte* end, long row)
    {
        var line = p;
        var slots = layout.Slots;
        var last = Kinds.Length - 1;
        for (var c = 0; c <= last; c++)
        {
            var kind = Kinds[c];
            byte* next;
            if (kind is CsvSlotKind.InferredInteger or CsvSlotKind.Int64)
            {
                next = Terminated(Utf8Number.ScanInteger(p, end, out var integer), end, c == last);
                if (next != null)
                {
                    ((long*)slots[c])[row] = integer;
                    if (integer == 0 && *p == '-' && kind == CsvSlotKind.InferredInteger)
                    {
                        NoteNegativeZero(c, row);
                    }

                    p = next;
                    continue;
                }
            }

            if (kind is CsvSlotKind.InferredInteger or CsvSlotKind.InferredFloat or CsvSlotKind.Double)
            {
                next = Terminated(Utf8Number.ScanDouble(p, end, out var number), end, c == last);
                if (next != null)
                {
                    if (kind == CsvSlotKind.InferredInteger)
                    {
                        SwitchToFloats(c, row);
                    }

                    ((double*)slots[c])[row] = number;
                    p = next;
                    continue;
                }
            }

            if (!TryParseCellText(c, ref p, end, row))
            {
                return ParseRowText(line, ref p, end, row);
            }
        }

        return RowOutcome.Row;
    }

    /// <summary>Past the delimiter or line end that must follow a cell ending at <paramref name="q"/>; null when another byte does.</summary>
    private byte* Terminated(byte* q, byte* end, bool lastColumn)
    {
        if (q == null)
        {
            return null;
        }

        if (!lastColumn)
        {
            return q < end && *q == layout.Delimiter ? q + 1 : null;
        }

        if (q == end)
        {
            return q;
        }

        if (*q == '\n')
        {
            return q + 1;
        }

        return *q == '\r' && q + 1 < end && q[1] == '\n' ? q + 2 : null;
    }

    private void NoteNegativeZero(int column, long row) => (NegativeZeros[column] ??= []).Add(row);

    /// <summary>The column's earlier rows in this part become doubles, as the sequential reader widens them.</summary>
    private void SwitchToFloats(int column, long row)
    {
        WidenToFloats(layout.Slots[column], FirstSlot, row, NegativeZeros[column]);
        NegativeZeros[column] = null;
        Kinds[column] = CsvSlotKind.InferredFloat;
    }
}
