using System.Globalization;
using System.Text;
using Rtl.Data;

namespace Rtl.Grains.Formats;

/// <summary>
/// A table stored as text: delimited rows (<c>TextFile.Delimited.cs</c>) or JSON lines
/// (<see cref="JsonLines"/>), optionally inside a zlib stream. Without a schema, a column whose every
/// value is a 64-bit integer is <c>&lt;i8</c>, any other <c>&lt;f8</c>; unnamed columns are <c>0</c>, <c>1</c>, ….
/// Every problem is a <see cref="FileFormatException"/> naming the file and, where there is one, the line.
/// </summary>
public static partial class TextFile
{
    public static Table Read(string path, TextFileOptions? options = null)
    {
        options ??= TextFileOptions.Default;
        using var reader = OpenText(path, options.Compression);
        return options.Encoding == TextEncoding.JsonLines
            ? JsonLines.Read(reader, path)
            : ReadDelimited(reader, path, options.Delimiter, options.Header);
    }

    /// <summary>Whether the file holds anything but white space (a delimited file that does not is an error to read).</summary>
    public static bool HasText(string path, TextFileOptions options)
    {
        using var reader = OpenText(path, options.Compression);
        var buffer = new char[4096];
        try
        {
            for (int read; (read = reader.Read(buffer)) > 0;)
            {
                if (!buffer.AsSpan(0, read).IsWhiteSpace())
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            return true; // not text: reading it says why
        }

        return false;
    }

    /// <summary>A UTF-8 reader over the file (a BOM is skipped), decompressing it when asked.</summary>
    internal static StreamReader OpenText(string path, TextCompression compression) =>
        new(OpenBytes(path, compression), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);

    /// <summary>The file's bytes, inflated when asked.</summary>
    private static Stream OpenBytes(string path, TextCompression compression)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileFormatException(path, "file not found (expected a text table)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileFormatException(path, $"cannot be read: {e.Message}", e);
        }

        return compression == TextCompression.Zlib ? new CheckedZlibStream(stream) : stream;
    }

    /// <summary>The error for a zlib stream that cannot be inflated, or bytes that are not UTF-8.</summary>
    internal static FileFormatException Unreadable(string path, int lastLine, Exception e) => e switch
    {
        DecoderFallbackException => new FileFormatException(path,
            $"{After(lastLine)}: the text is not UTF-8{(lastLine == 0 ? " (is it compressed? give compression: zlib)" : string.Empty)}", e),
        _ => new FileFormatException(path, $"{After(lastLine)}: not a valid zlib stream ({e.Message})", e),
    };

    private static string After(int line) =>
        line == 0 ? "at the start" : $"after line {line.ToString(CultureInfo.InvariantCulture)}";

    internal static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    internal static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "...");
}
