using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>Reads one operation against the schema as the earlier operations left it, and advances that schema.</summary>
public delegate T OperationParser<T>(TaskArgs operation, ref TableSchema schema);

/// <summary>Adds one operation's parts to <paramref name="cost"/>; <paramref name="schema"/> is the one it was read against.</summary>
public delegate TaskCost OperationCost<in T>(TaskCost cost, TaskArgs operation, T parsed, TableSchema schema);

/// <summary>The <c>operations: [...]</c> list most tasks take.</summary>
public static class Operations
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

    /// <summary>
    /// The cost of the operations in order, each read against the schema the earlier ones left (as <see cref="Parse"/>):
    /// <paramref name="add"/> adds one operation's parts, by default one new <c>&lt;f8</c> column.
    /// </summary>
    public static TaskCost Cost<T>(TaskArgs args, TablePlan input, OperationParser<T> parse, OperationCost<T>? add = null)
    {
        var cost = TaskCost.Of(input.Rows);
        var schema = input.Schema;
        foreach (var operation in args.RequireList("operations"))
        {
            var before = schema;
            var parsed = parse(operation, ref schema);
            cost = add is null ? cost.NewColumn(operation, input.Rows) : add(cost, operation, parsed, before);
        }

        return cost;
    }

    /// <summary>
    /// The columns the operations read, from the arguments alone: each operation's <paramref name="names"/> arguments
    /// (a column name or a list of them). For a task that passes the table through with columns added.
    /// </summary>
    public static ColumnUse Uses(TaskArgs args, params string[] names) =>
        ColumnUse.PassesThrough(args.ObjectsIn().SelectMany(operation => names.SelectMany(operation.NamesIn)));

    /// <summary>One new <c>&lt;f8</c> column of <paramref name="rows"/> rows, named by the operation's <c>column</c>.</summary>
    public static TaskCost NewColumn(this TaskCost cost, TaskArgs operation, long rows, string name = "column") =>
        cost.Plus(operation.At(name), rows, "rows", sizeof(double));

    /// <summary>A column that is not <c>&lt;f8</c>, read whole as doubles, is widened into a copy first.</summary>
    public static TaskCost Widened(this TaskCost cost, TaskArgs args, string name, TableSchema schema, string column, long rows) =>
        schema.TypeOf(column) is DType.F8 or null ? cost : cost.Plus(args.At(name), rows, "rows", sizeof(double), $"to read '{column}' as doubles");

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
