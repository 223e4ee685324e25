using System.Globalization;
using System.Text.Json;
using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>
/// A task's JSON arguments with typed, located accessors: every failure names its path
/// (<c>operations[1].value</c>) and what was expected.
/// </summary>
public sealed class TaskArgs
{
    private readonly JsonElement element;

    public TaskArgs(JsonElement element, string path = "")
    {
        this.element = element;
        Path = path;
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw new TaskArgumentException(path, $"expected an object of arguments, got {Describe(element)}");
        }
    }

    public static TaskArgs Parse(string json) =>
        new(string.IsNullOrWhiteSpace(json) ? default : JsonDocument.Parse(json).RootElement.Clone());

    /// <summary>Where these arguments sit; empty for a task's top level.</summary>
    public string Path { get; }

    public bool Has(string name) => TryGet(name, out _);

    public string At(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public bool TryGet(string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public JsonElement Require(string name) =>
        TryGet(name, out var value) ? value : throw new TaskArgumentException(At(name), "required argument is missing");

    public string RequireString(string name)
    {
        var value = Require(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new TaskArgumentException(At(name), $"expected a string, got {Describe(value)}");
    }

    public string? OptionalString(string name) => Has(name) ? RequireString(name) : null;

    public double RequireNumber(string name)
    {
        var value = Require(name);
        return ReadNumber(value, At(name));
    }

    public double OptionalNumber(string name, double fallback) => Has(name) ? RequireNumber(name) : fallback;

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>]: counts such as <c>bins</c> get a sane maximum.</summary>
    public int RequireInt(string name, int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        var number = RequireNumber(name);
        if (number != Math.Floor(number) || number < minimum || number > maximum)
        {
            throw new TaskArgumentException(At(name), $"expected {IntegerRange(minimum, maximum)}, got {number.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)number;
    }

    private static string IntegerRange(int minimum, int maximum) => (minimum, maximum) switch
    {
        (int.MinValue, int.MaxValue) => "an integer",
        (_, int.MaxValue) => $"an integer >= {minimum}",
        (int.MinValue, _) => string.Create(CultureInfo.InvariantCulture, $"an integer <= {maximum:N0}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"an integer from {minimum:N0} to {maximum:N0}"),
    };

    public int OptionalInt(string name, int fallback, int minimum = int.MinValue, int maximum = int.MaxValue) =>
        Has(name) ? RequireInt(name, minimum, maximum) : fallback;

    public bool OptionalBool(string name, bool fallback)
    {
        if (!TryGet(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new TaskArgumentException(At(name), $"expected true or false, got {Describe(value)}"),
        };
    }

    /// <summary>A list of strings; a single string is accepted as a list of one.</summary>
    public IReadOnlyList<string> RequireStrings(string name)
    {
        var value = Require(name);
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new TaskArgumentException(At(name), $"expected a list of column names, got {Describe(value)}");
        }

        var names = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            names.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new TaskArgumentException($"{At(name)}[{i}]", $"expected a column name, got {Describe(item)}"));
            i++;
        }

        return names.Count > 0 ? names : throw new TaskArgumentException(At(name), "expected at least one column name");
    }

    /// <summary>
    /// The column names an argument gives, without a schema: a string is one, a list its strings; absent, a number or
    /// anything else gives none (<see cref="IRtlTask.Uses"/>, which must not throw on arguments Plan will refuse).
    /// </summary>
    public IEnumerable<string> NamesIn(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToArray(),
            _ => [],
        };
    }

    /// <summary>The objects of a list argument, as <see cref="RequireList"/> gives them, or none when it is absent or not a list.</summary>
    public IEnumerable<TaskArgs> ObjectsIn(string name = "operations") =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(item => new TaskArgs(item)).ToArray()
            : [];

    /// <summary>The <c>operations</c> list (or another list of objects), each with its own path.</summary>
    public IReadOnlyList<TaskArgs> RequireList(string name = "operations")
    {
        var value = Require(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new TaskArgumentException(At(name), $"expected a list of objects, got {Describe(value)}");
        }

        var items = new List<TaskArgs>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add(new TaskArgs(item, $"{At(name)}[{i}]"));
            i++;
        }

        return items;
    }

    public TaskArgs RequireObject(string name)
    {
        var value = Require(name);
        return value.ValueKind == JsonValueKind.Object
            ? new TaskArgs(value, At(name))
            : throw new TaskArgumentException(At(name), $"expected an object, got {Describe(value)}");
    }

    /// <summary>The property names of an object argument, in order.</summary>
    public IEnumerable<string> PropertyNames =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Name) : [];

    /// <summary>An operand that is a column name (string) or a number.</summary>
    public Operand RequireOperand(string name, TableSchema schema)
    {
        var value = Require(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => Operand.OfColumn(RequireColumn(name, schema)),
            JsonValueKind.Number => Operand.OfNumber(ReadNumber(value, At(name))),
            _ => throw new TaskArgumentException(At(name), $"expected a column name or a number, got {Describe(value)}"),
        };
    }

    /// <summary>A column name argument that must exist in <paramref name="schema"/>.</summary>
    public string RequireColumn(string name, TableSchema schema)
    {
        var column = RequireString(name);
        CheckColumn(At(name), column, schema);
        return column;
    }

    /// <summary>A list of column names that must all exist.</summary>
    public IReadOnlyList<string> RequireColumns(string name, TableSchema schema)
    {
        var columns = RequireStrings(name);
        for (var i = 0; i < columns.Count; i++)
        {
            CheckColumn(columns.Count == 1 && Require(name).ValueKind == JsonValueKind.String ? At(name) : $"{At(name)}[{i}]",
                columns[i], schema);
        }

        return columns;
    }

    /// <summary>One of a fixed set of words, compared case-insensitively; returns the set's spelling.</summary>
    public string RequireChoice(string name, params string[] choices) => Choice(name, RequireString(name), choices);

    public string OptionalChoice(string name, string fallback, params string[] choices) =>
        Has(name) ? RequireChoice(name, choices) : fallback;

    private string Choice(string name, string given, string[] choices) =>
        choices.FirstOrDefault(c => string.Equals(c, given, StringComparison.OrdinalIgnoreCase))
        ?? throw new TaskArgumentException(At(name), $"unknown {name} '{given}' (expected one of: {string.Join(", ", choices)})");

    public static void CheckColumn(string at, string column, TableSchema schema)
    {
        if (!schema.Contains(column))
        {
            throw new TaskArgumentException(at, ColumnNotFound(column, schema));
        }
    }

    public static string ColumnNotFound(string column, TableSchema schema) =>
        $"column '{column}' not found (columns: {(schema.Columns.Count == 0 ? "none" : string.Join(", ", schema.Names))})";

    private static double ReadNumber(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.Number => Finite(value, at),
        // JSON has no NaN or infinities; accept numpy's spellings as strings.
        JsonValueKind.String when TryParseSpecial(value.GetString()!, out var special) => special,
        _ => throw new TaskArgumentException(at, $"expected a number, got {Describe(value)}"),
    };

    /// <summary>A JSON number as a double; one past a double's range (<c>1e999</c>) is refused rather than read as infinity.</summary>
    public static double Finite(JsonElement number, string at) =>
        TryReadFinite(number, out var value) ? value : throw new TaskArgumentException(at, OutOfRange(number));

    /// <summary>False for a number a double cannot hold (<c>1e999</c>, <c>-1e400</c>), which .NET would read as ±infinity.</summary>
    public static bool TryReadFinite(JsonElement number, out double value)
    {
        value = number.GetDouble();
        return double.IsFinite(value);
    }

    public static string OutOfRange(JsonElement number) =>
        $"the number {Shorten(number.GetRawText())} is out of range of a double (at most ±1.7976931348623157e308); write \"inf\" or \"-inf\" for an infinity";

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    private static bool TryParseSpecial(string text, out double value)
    {
        value = text.ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "+inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0 || text == "0";
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public override string ToString() => element.ValueKind == JsonValueKind.Undefined ? "{}" : element.GetRawText();
}

/// <summary>The <c>b</c> of an arithmetic operation: a column or a literal number.</summary>
public readonly record struct Operand(string? Column, double Number)
{
    public static Operand OfColumn(string column) => new(column, 0);

    public static Operand OfNumber(double number) => new(null, number);

    public bool IsColumn => Column is not null;
}
