namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// How a reader words a value that is not what its column needs: where it is and what was expected, never the
/// value itself, so a job cannot read a file's text through its error messages.
/// </summary>
internal static class BadCell
{
    public static string Message(long line, int column, string name, string expected, ReadOnlySpan<char> cell) =>
        $"line {line}{AfterLine(column, name, expected, cell)}";

    /// <summary>The message after "line N", for readers that learn the line number later.</summary>
    public static string AfterLine(int column, string name, string expected, ReadOnlySpan<char> cell) =>
        CellNumbers.IsBeyondDouble(cell)
            ? $", column {column + 1} ('{name}'): a number out of range (beyond ±1.8e308, the most a float64 holds)"
            : $", column {column + 1} ('{name}'): expected {expected}, found {Found(cell)}";

    public static string Found(ReadOnlySpan<char> cell) => cell.Trim().Length switch
    {
        0 => "an empty value",
        1 => "1 character that is not one",
        var length => $"{length} characters that are not one",
    };
}
