using System.Globalization;
using Rtl.Data;
using Rtl.Grains.Tasks.Internals;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Keeps the rows where <c>column method value</c>, one operation after another. Unlike the seed, lt/le/gt/ge
/// mean what they say (the seed's <c>gt</c> kept <c>column &lt; value</c>) and an unknown method is an error.
/// </summary>
public sealed class FilterTask : IRowLocalTask
{
    private static readonly string[] Methods = ["eq", "ne", "lt", "le", "gt", "ge"];

    public string Name => "filter";

    public string Summary => "keeps the rows where column (eq ne lt le gt ge) value, applied in order";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        Operations.Argument("{column, method, value}: keep rows where column <method> value; method is eq, ne, lt, le, gt or ge"),
    ];

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "column");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        Operations.Parse(args, input, Parse, out var output);
        return output;
    }

    /// <summary>
    /// The kept row numbers, and the kept rows themselves: every column is gathered when a later task reads it, at
    /// most the whole table again.
    /// </summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) => Operations
        .Cost(args, input, Parse, (cost, op, parsed, schema) => cost.Widened(op, "column", schema, parsed.Column, input.Rows))
        .Plus(args.At("operations"), input.Rows, "rows", sizeof(int), "of kept row numbers")
        .Plus(args.At("operations"), input.Rows, "rows", input.RowBytes, "of kept rows, gathered as later tasks read them");

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var operations = Operations.Parse(args, input.Schema, Parse, out _);
        var notes = new List<TaskNote>(operations.Count);
        int[]? rows = null;
        var count = input.RowCount;
        foreach (var operation in operations)
        {
            // The first operation selects from the whole column; later ones narrow the kept rows in place,
            // so every column is gathered once at the end rather than after each operation.
            var values = input[operation.Column].AsDoubles();
            if (rows is null)
            {
                rows = ColumnMemory.Allocate<int>(input.RowCount);
                count = Select(operation, values, rows);
            }
            else
            {
                count = Refine(operation, values, rows.AsSpan(0, count));
            }

            notes.Add(new TaskNote("Filtered Results", $"({count.ToString(CultureInfo.InvariantCulture)},)"));
        }

        // Kept rows are gathered lazily: a column later tasks never read is never copied.
        var table = rows is null || count == input.RowCount ? input : input.Select(rows, count);
        return new TaskOutput(table, notes, []);
    }

    private sealed record Operation(string Column, string Method, double Value);

    private static Operation Parse(TaskArgs operation, ref TableSchema schema) => new(
        operation.RequireColumn("column", schema),
        operation.RequireChoice("method", Methods),
        operation.RequireNumber("value"));

    private static int Select(Operation operation, ReadOnlySpan<double> values, Span<int> rows) => operation.Method switch
    {
        "eq" => Compaction.Select<Equal>(values, operation.Value, rows),
        "ne" => Compaction.Select<NotEqual>(values, operation.Value, rows),
        "lt" => Compaction.Select<Less>(values, operation.Value, rows),
        "le" => Compaction.Select<LessOrEqual>(values, operation.Value, rows),
        "gt" => Compaction.Select<Greater>(values, operation.Value, rows),
        "ge" => Compaction.Select<GreaterOrEqual>(values, operation.Value, rows),
        _ => throw new InvalidOperationException($"unhandled method '{operation.Method}'"),
    };

    private static int Refine(Operation operation, ReadOnlySpan<double> values, Span<int> rows) => operation.Method switch
    {
        "eq" => Compaction.Refine<Equal>(values, operation.Value, rows),
        "ne" => Compaction.Refine<NotEqual>(values, operation.Value, rows),
        "lt" => Compaction.Refine<Less>(values, operation.Value, rows),
        "le" => Compaction.Refine<LessOrEqual>(values, operation.Value, rows),
        "gt" => Compaction.Refine<Greater>(values, operation.Value, rows),
        "ge" => Compaction.Refine<GreaterOrEqual>(values, operation.Value, rows),
        _ => throw new InvalidOperationException($"unhandled method '{operation.Method}'"),
    };
}
