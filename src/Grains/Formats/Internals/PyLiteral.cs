using System.Globalization;
using System.Text;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Parses the Python literals numpy prints for a dtype (what <c>ast.literal_eval</c> accepted in the
/// seed): strings, integers, True/False/None, lists, tuples and dicts. Values come back as
/// <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>, <c>null</c>,
/// <see cref="PyList"/>, <see cref="PyTuple"/> or <see cref="PyDict"/>.
/// </summary>
internal ref struct PyLiteral
{
    private readonly ReadOnlySpan<char> text;
    private int position;

    private PyLiteral(ReadOnlySpan<char> text) => this.text = text;

    /// <summary>The single literal in <paramref name="text"/>; <see cref="FormatException"/> when it is not one.</summary>
    public static object? Parse(ReadOnlySpan<char> text)
    {
        var parser = new PyLiteral(text);
        var value = parser.Value();
        parser.SkipSpace();
        if (parser.position != text.Length)
        {
            throw parser.Error("end of text");
        }

        return value;
    }

    private object? Value()
    {
        SkipSpace();
        if (position >= text.Length)
        {
            throw Error("a value");
        }

        var c = text[position];
        switch (c)
        {
            case '[':
                position++;
                return new PyList(Items(']'));
            case '(':
                position++;
                return new PyTuple(Items(')'));
            case '{':
                position++;
                return Dict();
            case '\'' or '"':
                return String();
            case 'b' or 'u' or 'B' or 'U' when position + 1 < text.Length && text[position + 1] is '\'' or '"':
                position++;
                return String();
            case '-' or '+' or (>= '0' and <= '9'):
                return Integer();
            default:
                return Word();
        }
    }

    private List<object?> Items(char close)
    {
        var items = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (Peek() == close)
            {
                position++;
                return items;
            }

            items.Add(Value());
            SkipSpace();
            var next = Peek();
            position++;
            if (next == close)
            {
                return items;
            }

            if (next != ',')
            {
                position--;
                throw Error($"',' or '{close}'");
            }
        }
    }

    private PyDict Dict()
    {
        var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                position++;
                return new PyDict(entries);
            }

            if (Value() is not string key)
            {
                throw Error("a string key");
            }

            SkipSpace();
            Expect(':');
            entries[key] = Value();
            SkipSpace();
            var next = Peek();
            position++;
            if (next == '}')
            {
                return new PyDict(entries);
            }

            if (next != ',')
            {
                position--;
                throw Error("',' or '}'");
            }
        }
    }

    private string String()
    {
        var quote = text[position++];
        var result = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == quote)
            {
                return result.ToString();
            }

            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                break;
            }

            var e = text[position++];
            switch (e)
            {
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case '0': result.Append('\0'); break;
                case 'x': result.Append(Hex(2)); break;
                case 'u': result.Append(Hex(4)); break;
                case 'U': result.Append(char.ConvertFromUtf32(Hex(8))); break;
                default: result.Append(e); break; // \\ \' \" and anything else verbatim
            }
        }

        throw Error($"closing {quote}");
    }

    private int Hex(int digits)
    {
        if (position + digits > text.Length
            || !int.TryParse(text.Slice(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"{digits} hex digits");
        }

        position += digits;
        return value;
    }

    private long Integer()
    {
        var start = position;
        if (text[position] is '-' or '+')
        {
            position++;
        }

        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        return long.TryParse(text[start..position], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("an integer");
    }

    private object? Word()
    {
        var start = position;
        while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
        {
            position++;
        }

        return text[start..position] switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            _ => throw Error("a Python literal", start),
        };
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"'{c}'");
        }

        position++;
    }

    private readonly char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private readonly FormatException Error(string expected, int? at = null)
    {
        var where = at ?? position;
        var found = where < text.Length ? $"'{text[where]}'" : "the end";
        return new FormatException($"expected {expected} at character {where + 1} but found {found}");
    }
}

internal sealed record PyList(List<object?> Items);

internal sealed record PyTuple(List<object?> Items);

internal sealed record PyDict(Dictionary<string, object?> Entries);
