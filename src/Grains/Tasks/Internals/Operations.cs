using Rtl.Data;

namespace Rtl.Tasks.Internals;

/// <summary>Reads one operation against the schema as the earlier operations left it, and advances that schema.</summary>
internal delegate T OperationParser<T>(TaskArgs operation, ref TableSchema schema);

/// <summary>The <c>operations: [...]</c> list most tasks take.</summary>
internal static class Operations
{
    /// <summary>
    /// Parses every operation in order, threading the schema through them so a later operation may read
    /// a column an earlier one wrote; <paramref name="output"/> is the schema after the last one.
    /// </summary>
    public static List<T> Parse<T>(TaskArgs args, TableSchema input, OperationParser<T> parse, out TableSchema output)
    {
        var operations = args.RequireList("operations");
        var parsed = new List<T>(operations.Count);
        var schema = input;
        foreach (var operation in operations)
        {
            parsed.Add(parse(operation, ref schema));
        }

        output = schema;
        return parsed;
    }

    /// <summary>The name of a column a task writes: any non-empty string.</summary>
    public static string RequireNewColumn(this TaskArgs args, string name = "column")
    {
        var column = args.RequireString(name);
        return column.Length > 0 ? column : throw new TaskArgumentException(args.At(name), "expected a non-empty column name");
    }

    /// <summary>The standard argument list of an <c>operations</c> task, for <c>rtl tasks</c>.</summary>
    public static TaskArgument Argument(string shape) =>
        new("operations", $"list of {shape}; run in order, a later one may read a column an earlier one wrote");
}
