using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats.Internals;

namespace Rtl.Grains.Formats;

/// <summary>
/// The seed's <c>.meta</c> dtype description: base64 (no trailing newline) of numpy's
/// <c>str(dtype)</c> with <c>(</c> written as <c>&lt;@</c> and <c>)</c> as <c>@&gt;</c>.
/// </summary>
public static class MetaFile
{
    public static string Encode(TableSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = NumpyDtype.Str(schema).Replace("(", "<@").Replace(")", "@>");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    public static TableSchema Decode(string text, string fileNameForErrors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var base64 = text.Trim();
        var bytes = new byte[base64.Length];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64, bytes, out var length))
        {
            throw new FileFormatException(fileNameForErrors,
                "is not a .meta dtype description: expected base64 text (such as WzxAJ2EnLCAnPGk4J0A+XQ==) but it does not decode");
        }

        string dtype;
        try
        {
            dtype = new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException e)
        {
            throw new FileFormatException(fileNameForErrors, "the decoded .meta is not UTF-8 text", e);
        }

        // The seed replaced the parentheses before base64; undo it in the same order it was done.
        dtype = dtype.Replace("@>", ")").Replace("<@", "(");
        try
        {
            return NumpyDtype.Parse(dtype);
        }
        catch (FormatException e)
        {
            throw new FileFormatException(fileNameForErrors,
                $"the .meta's dtype description is not a numpy dtype like [('a', '<i8'), ('b', '<f8')]: {e.Message}", e);
        }
    }

    public static TableSchema Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileFormatException(path, "file not found (expected the .meta dtype description)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileFormatException(path, $"cannot read the .meta dtype description: {e.Message}", e);
        }

        return Decode(text, path);
    }

    public static void Write(string path, TableSchema schema) =>
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(Encode(schema)));
}
