using System.Text;

namespace Rtl.Grains.Formats;

public static partial class TextFile
{
    /// <summary>
    /// At most how many rows and columns <see cref="Read"/> would find, without building the table: the lines (a row
    /// is one line, or more with quoted line breaks; blank lines and a header are counted too) and the most fields on
    /// any line (every row must have the first one's; for JSON lines the most colons, at least an object's keys). One
    /// pass over the inflated bytes through a small buffer, so a file is bounded before it is read.
    /// </summary>
    public static (long Lines, long Fields) Measure(string path, TextFileOptions? options = null)
    {
        options ??= TextFileOptions.Default;
        var json = options.Encoding == TextEncoding.JsonLines;

        // A non-ASCII delimiter is counted by its first UTF-8 byte, which can only count more.
        var separator = json ? (byte)':' : Encoding.UTF8.GetBytes([options.Delimiter])[0];
        var extra = json ? 0 : 1;
        long lines = 0, fields = 0, inLine = 0;
        var pending = false;
        using var stream = OpenBytes(path, options.Compression);
        var buffer = new byte[1 << 16];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                var rest = buffer.AsSpan(0, read);
                int i;
                while ((i = rest.IndexOfAny((byte)'\n', separator)) >= 0)
                {
                    if (rest[i] == (byte)'\n')
                    {
                        (lines, fields, inLine) = (lines + 1, Math.Max(fields, inLine + extra), 0);
                    }
                    else
                    {
                        inLine++;
                    }

                    rest = rest[(i + 1)..];
                }

                // The last line has no line break when the file's last byte is not one.
                pending = buffer[read - 1] != (byte)'\n';
            }
        }
        catch (InvalidDataException e)
        {
            throw Unreadable(path, (int)Math.Min(lines, int.MaxValue), e);
        }

        return pending ? (lines + 1, Math.Max(fields, inLine + extra)) : (lines, fields);
    }
}
