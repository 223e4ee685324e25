using System.Text;
using Rtl.Data;
using nietras.SeparatedValues;

namespace Rtl.Grains.Formats;

public static partial class TextFile
{
    /// <summary>
    /// Delimited rows from <paramref name="text"/>, read as <see cref="CsvFile"/> reads them (the same loop, so the
    /// same types, missing values, blank lines and errors); <paramref name="path"/> names the file in errors.
    /// </summary>
    public static Table ReadDelimited(TextReader text, string path, char delimiter = ',', bool header = false)
    {
        var lastLine = 0;
        try
        {
            using var reader = CsvFile.SepReading(delimiter).From(text);
            return CsvFile.ReadRows(reader, path, new CsvOptions { Delimiter = delimiter, Header = header }, ref lastLine);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw Unreadable(path, lastLine, e);
        }
    }
}
