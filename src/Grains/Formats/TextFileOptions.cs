namespace Rtl.Grains.Formats;

/// <summary>What a <see cref="TextFile"/> holds: delimited rows or JSON lines.</summary>
public enum TextEncoding
{
    /// <summary>One row per line, values separated by <see cref="TextFileOptions.Delimiter"/>.</summary>
    Delimited,

    /// <summary>One JSON object per line; its keys are the columns (see <see cref="JsonLines"/>).</summary>
    JsonLines,
}

/// <summary>How the bytes of a <see cref="TextFile"/> are stored.</summary>
public enum TextCompression
{
    None,

    /// <summary>A zlib stream (RFC 1950), as Python's <c>zlib.compress</c> writes it.</summary>
    Zlib,
}

/// <summary>How <see cref="TextFile.Read"/> reads a text table.</summary>
public sealed record TextFileOptions
{
    public static TextFileOptions Default { get; } = new();

    public TextEncoding Encoding { get; init; } = TextEncoding.Delimited;

    public TextCompression Compression { get; init; } = TextCompression.None;

    /// <summary>The character between values (delimited text only).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first non-blank line names the columns (delimited text only).</summary>
    public bool Header { get; init; }
}
