using System.Text;
using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Numpy's dtype text ⇄ <see cref="TableSchema"/>: the structured form <c>[('a', '&lt;i8'), ...]</c>,
/// numpy's dict form with packed offsets, and a bare scalar dtype (one column named <c>0</c>).
/// Problems are <see cref="FormatException"/>s; callers add the file name.
/// </summary>
internal static class NumpyDtype
{
    public const string Supported = "<i8, <f8, <i4, <f4, |b1, |u1 (or i8, int64, f8, float64, ..., ?, bool, u1, uint8)";

    /// <summary>What numpy's <c>str(dtype)</c> prints for a structured dtype of these columns.</summary>
    public static string Str(TableSchema schema) => Text(schema, StrCode);

    /// <summary>What numpy's <c>dtype.descr</c> prints (the <c>.npy</c> header spelling).</summary>
    public static string Descr(TableSchema schema) => Text(schema, t => t.Code());

    public static TableSchema Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && char.IsAsciiLetter(trimmed[0]) && (trimmed.Length == 1 || trimmed[1] is not ('\'' or '"')))
        {
            // str(np.dtype('<f8')) is the bare word 'float64': a plain array, one column.
            return new([new ColumnSchema("0", Code(trimmed, "0"))]);
        }

        return FromLiteral(PyLiteral.Parse(trimmed));
    }

    public static TableSchema FromLiteral(object? literal) => literal switch
    {
        string code => new([new ColumnSchema("0", Code(code, "0"))]),
        PyList list => Unique(list.Items.Select(Field)),
        PyDict dict => FromDict(dict),
        _ => throw new FormatException("expected a list of (name, dtype) tuples such as [('a', '<i8'), ('b', '<f8')]"),
    };

    public static DType Code(string code, string column) =>
        DTypes.TryParse(code.Trim(), out var type)
            ? type
            : throw new FormatException(
                code.StartsWith('>')
                    ? $"column '{column}' is big-endian '{code}'; only little-endian data is supported ({Supported})"
                    : $"unsupported dtype '{code}' for column '{column}' (supported: {Supported})");

    private static ColumnSchema Field(object? item)
    {
        if (item is not PyTuple { Items: [string name, var code, ..] } tuple)
        {
            throw new FormatException($"expected a (name, dtype) tuple but found {Describe(item)}");
        }

        if (tuple.Items.Count > 2)
        {
            throw new FormatException($"column '{name}' has a sub-array shape; only scalar fields are supported");
        }

        return code is string text
            ? new ColumnSchema(name, Code(text, name))
            : throw new FormatException($"column '{name}' has a nested dtype; only {Supported} are supported");
    }

    private static TableSchema FromDict(PyDict dict)
    {
        if (dict.Entries.GetValueOrDefault("names") is not PyList names
            || dict.Entries.GetValueOrDefault("formats") is not PyList formats
            || names.Items.Count != formats.Items.Count)
        {
            throw new FormatException("a dict dtype needs 'names' and 'formats' lists of equal length");
        }

        var schema = Unique(names.Items.Zip(formats.Items, (n, f) => Field(new PyTuple([n, f]))));
        var offset = 0L;
        var packed = true;
        if (dict.Entries.GetValueOrDefault("offsets") is PyList offsets)
        {
            for (var i = 0; i < offsets.Items.Count && i < schema.Columns.Count; i++)
            {
                packed &= offsets.Items[i] is long o && o == offset;
                offset += schema.Columns[i].Type.Size();
            }
        }
        else
        {
            offset = schema.Columns.Sum(c => c.Type.Size());
        }

        if (!packed || (dict.Entries.GetValueOrDefault("itemsize") is long size && size != offset))
        {
            throw new FormatException("the dtype has padding between or after its fields; only packed records are supported");
        }

        return schema;
    }

    private static TableSchema Unique(IEnumerable<ColumnSchema> columns)
    {
        var list = columns.ToList();
        var duplicate = list.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new TableSchema(list)
            : throw new FormatException($"column '{duplicate.Key}' appears twice");
    }

    private static string Describe(object? item) => item switch
    {
        null => "None",
        string s => $"'{s}'",
        PyList => "a list",
        PyTuple t => $"a tuple of {t.Items.Count}",
        PyDict => "a dict",
        _ => item.ToString() ?? "?",
    };

    // numpy prints byte-order-free types without '|' and booleans as '?'.
    private static string StrCode(DType type) => type switch
    {
        DType.B1 => "?",
        DType.U1 => "u1",
        _ => type.Code(),
    };

    private static string Text(TableSchema schema, Func<DType, string> code)
    {
        var text = new StringBuilder("[");
        foreach (var column in schema.Columns)
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append('(').Append(Repr(column.Name)).Append(", '").Append(code(column.Type)).Append("')");
        }

        return text.Append(']').ToString();
    }

    /// <summary>Python's <c>repr(str)</c>: single quotes unless the text holds one and no double quote.</summary>
    internal static string Repr(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                case < ' ' or '\x7f': text.Append(@"\x").Append(((int)c).ToString("x2")); break;
                default:
                    if (c == quote)
                    {
                        text.Append('\\');
                    }

                    text.Append(c);
                    break;
            }
        }

        return text.Append(quote).ToString();
    }
}
