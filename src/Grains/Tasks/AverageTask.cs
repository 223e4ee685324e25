using Rtl.Data;
using Rtl.Numerics;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Every row of <c>column</c> holds mean(a) over all rows (NaN if any value is NaN). A chunked stage ending in it
/// sums each chunk and divides the chunks' total by their rows.
/// </summary>
public sealed class AverageTask : ITwoPhaseTask
{
    public string Name => "average";

    public string Summary => "column = mean of a, on every row";

    public IReadOnlyList<TaskArgument> Arguments { get; } = [Operations.Argument("{a, column}: every row of column holds mean(a)")];

    public bool KeepsRows => true;

    public ColumnUse? Uses(TaskArgs args) => Operations.Uses(args, "a");

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment) => ColumnOperations.Plan(args, input);

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        ColumnOperations.Cost(args, input, readsWhole: true);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment) =>
        ColumnOperations.Run(args, input, (_, a) =>
        {
            var mean = Doubles.Mean(a.AsDoubles());
            var result = ColumnMemory.Allocate<double>(a.Length);
            result.AsSpan().Fill(mean);
            return result;
        });

    /// <summary>One row: per operation the chunk's row count and sum of <c>a</c> (0 for one reading an earlier operation's column).</summary>
    public Table Partial(TaskArgs args, Table chunk, long firstRow, ITaskEnvironment environment)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var partial = Table.Empty;
        var i = 0;
        foreach (var operation in ColumnOperations.Parse(args, chunk.Schema))
        {
            var sum = written.Contains(operation.A) ? 0 : NumpySum.Sum(chunk[operation.A].AsDoubles());
            written.Add(operation.Column);
            partial = partial.With($"\u001f{i}.n", Column.Of((long)chunk.RowCount)).With($"\u001f{i}.sum", Column.Of(sum));
            i++;
        }

        return partial;
    }

    /// <summary>
    /// The mean of an input column is the chunks' summed sums over their summed rows; one of a column an earlier
    /// operation wrote (the same value on every row) is taken from the joined rows, as the whole stage would.
    /// </summary>
    public TaskOutput Combine(TaskArgs args, Table rows, IReadOnlyList<Table> partials, ITaskEnvironment environment)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var table = rows;
        var i = 0;
        foreach (var operation in ColumnOperations.Parse(args, rows.Schema))
        {
            var (count, sum) = (0L, 0.0);
            foreach (var partial in partials)
            {
                count += ((Column<long>)partial[$"\u001f{i}.n"])[0];
                sum += ((Column<double>)partial[$"\u001f{i}.sum"])[0];
            }

            var mean = written.Contains(operation.A) ? Doubles.Mean(table[operation.A].AsDoubles()) : count == 0 ? double.NaN : sum / count;
            written.Add(operation.Column);
            table = table.With(operation.Column, Doubles.Filled(table.RowCount, mean));
            i++;
        }

        return new TaskOutput(table);
    }
}
