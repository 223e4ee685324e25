using Rtl.Data;

namespace Rtl.Grains.Formats;

/// <summary>How <c>CsvFile.Read</c> splits and names a delimited text file.</summary>
public sealed record CsvOptions
{
    public static CsvOptions Default { get; } = new();

    /// <summary>The character between values.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first non-blank line names the columns (and is not data).</summary>
    public bool Header { get; init; } = true;

    /// <summary>
    /// Column names to use instead of the header's (or of <c>0</c>, <c>1</c>, … when there is no header).
    /// Must not be combined with <see cref="Schema"/>.
    /// </summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>
    /// Names and types of the columns, e.g. from a <c>.meta</c> (the seed's open_array csv). Without
    /// it, a column whose every value is a 64-bit integer is <c>&lt;i8</c>, any other <c>&lt;f8</c>.
    /// </summary>
    public TableSchema? Schema { get; init; }
}
