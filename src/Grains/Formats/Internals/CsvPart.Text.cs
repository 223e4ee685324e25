using System.Text;
using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>The rarer cells and rows: padded or non-finite numbers, other schema types, blank lines and errors.</summary>
internal sealed unsafe partial class CsvPart
{
    // Cells up to this many bytes decode on the stack.
    private const int StackChars = 128;

    /// <summary>The cell at <paramref name="p"/> decoded and parsed; false leaves the whole row to <see cref="ParseRowText"/>.</summary>
    private bool TryParseCellText(int column, ref byte* p, byte* end, long row)
    {
        var length = (int)Math.Min(end - p, int.MaxValue);
        var found = new ReadOnlySpan<byte>(p, length).IndexOfAny(layout.Delimiter, (byte)'\n');
        var cellEnd = found < 0 ? end : p + found;
        var lastColumn = column == Kinds.Length - 1;
        var terminated = lastColumn ? cellEnd == end || *cellEnd == '\n' : cellEnd < end && *cellEnd == layout.Delimiter;
        if (!terminated)
        {
            return false;
        }

        var cell = new ReadOnlySpan<byte>(p, (int)(cellEnd - p));
        if (lastColumn && cell.EndsWith((byte)'\r'))
        {
            cell = cell[..^1];
        }

        // A line of white space in a one-column file is blank, not a missing value: ParseRowText skips it.
        if (CsvBytes.NeedsSep(cell) || (column == 0 && lastColumn && CsvBytes.IsBlank(cell, layout.Delimiter)))
        {
            return false;
        }

        Span<char> chars = cell.Length <= StackChars ? stackalloc char[StackChars] : new char[cell.Length];
        var text = chars[..Encoding.UTF8.GetChars(cell, chars)];
        if (!TryStore(column, row, text))
        {
            return false;
        }

        p = cellEnd < end ? cellEnd + 1 : end;
        return true;
    }

    /// <summary>The line at <paramref name="line"/> cell by cell, the way the Sep reader checks it: blank, ragged, or its first bad cell.</summary>
    private RowOutcome ParseRowText(byte* line, ref byte* p, byte* end, long row)
    {
        var lineEnd = CsvBytes.LineEnd(line, end);
        var content = CsvBytes.Content(line, lineEnd);
        p = CsvBytes.NextLine(lineEnd, end);
        var offset = line - layout.Text;
        if (CsvBytes.NeedsSep(content))
        {
            Problem = new CsvProblem(offset, null);
            return RowOutcome.Stop;
        }

        if (CsvBytes.IsBlank(content, layout.Delimiter))
        {
            return RowOutcome.Blank;
        }

        var cells = CsvBytes.Cells(content, layout.Delimiter);
        if (cells.Length != Kinds.Length)
        {
            Problem = new CsvProblem(offset, $" has {CsvFile.Count(cells.Length, "value")} but {layout.CountExpected}");
            return RowOutcome.Stop;
        }

        for (var c = 0; c < cells.Length; c++)
        {
            if (!TryStore(c, row, cells[c]))
            {
                Problem = new CsvProblem(offset, BadCell.AfterLine(c, layout.Names[c], layout.Expected[c], cells[c]));
                return RowOutcome.Stop;
            }
        }

        return RowOutcome.Row;
    }

    /// <summary>Parses decoded text exactly as the Sep reader's columns do and stores it in the row.</summary>
    private bool TryStore(int column, long row, ReadOnlySpan<char> text)
    {
        var slots = layout.Slots[column];
        switch (Kinds[column])
        {
            case CsvSlotKind.InferredInteger:
                if (CellNumbers.TryParse(text, out long integer))
                {
                    ((long*)slots)[row] = integer;
                    if (integer == 0 && text.TrimStart().StartsWith('-'))
                    {
                        NoteNegativeZero(column, row);
                    }

                    return true;
                }

                if (!CellNumbers.TryParse(text, out double first))
                {
                    return false;
                }

                SwitchToFloats(column, row);
                ((double*)slots)[row] = first;
                return true;
            case CsvSlotKind.Int64:
                return CellNumbers.TryParse(text, out ((long*)slots)[row]);
            case CsvSlotKind.InferredFloat or CsvSlotKind.Double:
                return CellNumbers.TryParse(text, out ((double*)slots)[row]);
            default:
                return TryStoreOther(layout.Types[column], slots, row, text);
        }
    }

    private static bool TryStoreOther(DType? type, byte* slots, long row, ReadOnlySpan<char> text) => type switch
    {
        DType.I4 => CellNumbers.TryParse(text, out ((int*)slots)[row]),
        DType.F4 => CellNumbers.TryParse(text, out ((float*)slots)[row]),
        DType.B1 => CellNumbers.TryParse(text, out ((bool*)slots)[row]),
        DType.U1 => CellNumbers.TryParse(text, out slots[row]),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a type the byte scanners leave to text"),
    };
}
