using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>What every part of a mapped delimited file shares: the text, the columns and where their values go.</summary>
internal sealed unsafe class CsvRowLayout(
    byte* text, byte delimiter, DType?[] types, byte** slots, string[] names, string countExpected)
{
    /// <summary>The file's first byte, from which line numbers are counted.</summary>
    public byte* Text { get; } = text;

    public byte Delimiter { get; } = delimiter;

    /// <summary>Each column's type from the schema; null where it is inferred.</summary>
    public DType?[] Types { get; } = types;

    /// <summary>Row 0 of each column's storage: 8 bytes a row for inferred columns, the type's size otherwise.</summary>
    public byte** Slots { get; } = slots;

    public string[] Names { get; } = names;

    /// <summary>What a cell of each column must look like, for error messages.</summary>
    public string[] Expected { get; } = [.. types.Select(t => CsvColumn.Create(t).Expected)];

    /// <summary>Where the column count comes from, e.g. "the header has 3 columns".</summary>
    public string CountExpected { get; } = countExpected;

    public int ColumnCount => Types.Length;
}
