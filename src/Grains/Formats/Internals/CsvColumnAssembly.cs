using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Joins the parts of a mapped delimited file into columns: inferred columns become floats everywhere
/// if any part found a float, rows move up over the slots blank lines left unused, and a column whose
/// storage was guessed wrong (or is longer than its rows) is copied into an array of its own.
/// </summary>
internal static unsafe class CsvColumnAssembly
{
    public static Table ToTable(CsvRowLayout layout, CsvPart[] parts, ColumnBuffers storage, DType[] storageTypes, long capacity)
    {
        var types = new DType[layout.ColumnCount];
        for (var c = 0; c < types.Length; c++)
        {
            types[c] = layout.Types[c] ?? Infer(layout, parts, c);
        }

        var rows = Compact(layout, parts, storageTypes);
        var columns = new Column[types.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = rows == capacity && types[c] == storageTypes[c] ? storage.Columns[c] : Copy(types[c], layout.Slots[c], (int)rows);
        }

        return Table.Create(layout.Names.Select((name, c) => KeyValuePair.Create(name, columns[c])));
    }

    /// <summary>Floats when any part found one (the other parts' integers widened in place), else integers; no rows reads as <c>&lt;f8</c>.</summary>
    private static DType Infer(CsvRowLayout layout, CsvPart[] parts, int column)
    {
        if (!parts.Any(part => part.Kinds[column] == CsvSlotKind.InferredFloat))
        {
            return parts.Any(part => part.Rows > 0) ? DType.I8 : DType.F8;
        }

        foreach (var part in parts.Where(part => part.Kinds[column] == CsvSlotKind.InferredInteger))
        {
            CsvPart.WidenToFloats(layout.Slots[column], part.FirstSlot, part.FirstSlot + part.Rows, part.NegativeZeros[column]);
        }

        return DType.F8;
    }

    /// <summary>Moves each part's rows to follow the previous part's; returns the row count.</summary>
    private static long Compact(CsvRowLayout layout, CsvPart[] parts, DType[] storageTypes)
    {
        long rows = 0;
        foreach (var part in parts)
        {
            if (part.FirstSlot != rows)
            {
                for (var c = 0; c < storageTypes.Length; c++)
                {
                    var size = storageTypes[c].Size();
                    var bytes = part.Rows * size;
                    Buffer.MemoryCopy(layout.Slots[c] + (part.FirstSlot * size), layout.Slots[c] + (rows * size), bytes, bytes);
                }
            }

            rows += part.Rows;
        }

        return rows;
    }

    private static Column Copy(DType type, byte* slots, int rows) => type switch
    {
        DType.I8 => Copy<long>(slots, rows),
        DType.F8 => Copy<double>(slots, rows),
        DType.I4 => Copy<int>(slots, rows),
        DType.F4 => Copy<float>(slots, rows),
        DType.B1 => Copy<bool>(slots, rows),
        DType.U1 => Copy<byte>(slots, rows),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    // The slots hold the final type's bits whatever array they were allocated as, so a byte copy converts.
    private static Column<T> Copy<T>(byte* slots, int rows) where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(rows);
        fixed (T* destination = values)
        {
            Buffer.MemoryCopy(slots, destination, (long)rows * sizeof(T), (long)rows * sizeof(T));
        }

        return new Column<T>(values);
    }
}
