using Rtl.Data;
using Rtl.Grains.Tasks.Internals.Grouping;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// One row per distinct combination of the <c>keys</c> columns, ordered by them ascending (NaN last, all NaN one
/// key): the keys as they are, then one column per aggregation over the group's rows, with pandas'
/// <c>groupby(keys, dropna=False, sort=True).agg(...)</c> meaning (NaN values skipped). A chunked stage ending in it
/// sends back each chunk's per-group partials instead of its rows.
/// </summary>
public sealed class GroupByTask : ITwoPhaseTask
{
    public string Name => "group_by";

    public string Summary => "one row per distinct combination of keys, ordered by them: the keys, then each aggregation over the group";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("keys", "the columns whose distinct combinations are the groups (a list, or one name)"),
        new("aggregations", $"list of {{a, op, column, ddof?}}: column = op over the group's values of a; op one of {string.Join(", ", GroupAggregate.Ops)}; ddof (std, var) defaults to 0"),
    ];

    public bool KeepsRows => false;

    /// <summary>One row per group, of the keys and the aggregates alone.</summary>
    public ColumnUse? Uses(TaskArgs args) =>
        ColumnUse.Replaces(args.NamesIn("keys").Concat(args.ObjectsIn("aggregations").SelectMany(a => a.NamesIn("a"))));

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        var (keys, aggregations) = Parse(args, input);
        return new TableSchema(keys.Select(k => new ColumnSchema(k, input.TypeOf(k)!.Value))
            .Concat(aggregations.Select(a => new ColumnSchema(a.Column, GroupAggregate.ResultType(a.Op)))));
    }

    /// <summary>Every row may be a group of its own: numbering the rows, the keys in order, and per aggregation its state and result.</summary>
    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment)
    {
        var (keys, aggregations) = Parse(args, input.Schema);
        var cost = KeyGroups.FindCost(TaskCost.Of(input.Rows), args.At("keys"), input, keys);
        cost = KeyGroups.InKeyOrderCost(cost, args.At("keys"), input, keys);
        foreach (var aggregation in aggregations)
        {
            cost = cost.Plus(aggregation.Args.At("op"), input.Rows, "possible groups", GroupAggregate.BytesPerGroup, "of state and result")
                .Widened(aggregation.Args, "a", input.Schema, aggregation.A, input.Rows);
        }

        return cost;
    }

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var (keys, aggregations) = Parse(args, input.Schema);
        var keyColumns = keys.Select(k => input[k]).ToArray();
        var groups = KeyGroups.Find(keyColumns, input.RowCount);
        var folded = aggregations.Select(a => Fold(a, groups, input, 0)).ToArray();
        return new TaskOutput(Result(keys, keyColumns, groups, aggregations, folded));
    }

    /// <summary>A chunk's groups in order of first appearance: the keys, then each aggregation's state columns.</summary>
    public Table Partial(TaskArgs args, Table chunk, long firstRow, ITaskEnvironment environment)
    {
        var (keys, aggregations) = Parse(args, chunk.Schema);
        var keyColumns = keys.Select(k => chunk[k]).ToArray();
        var groups = KeyGroups.Find(keyColumns, chunk.RowCount);
        var partial = Table.Create(keys.Select((k, i) => (k, keyColumns[i])).ToArray()).Gather(groups.FirstRows);
        for (var i = 0; i < aggregations.Count; i++)
        {
            var state = Fold(aggregations[i], groups, chunk, firstRow).State();
            for (var s = 0; s < state.Length; s++)
            {
                partial = partial.With($"\u001f{i}.{s}", state[s]);
            }
        }

        return partial;
    }

    /// <summary>Groups the chunks' partial rows again by their keys and merges their states in chunk order.</summary>
    public TaskOutput Combine(TaskArgs args, Table rows, IReadOnlyList<Table> partials, ITaskEnvironment environment)
    {
        var (keys, aggregations) = Parse(args, rows.Schema);
        var joined = Table.Concat(partials);
        var keyColumns = keys.Select(k => joined[k]).ToArray();
        var groups = KeyGroups.Find(keyColumns, joined.RowCount);
        var merged = new GroupAggregate[aggregations.Count];
        var column = keys.Count;
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = GroupAggregate.Create(aggregations[i].Op, groups.Count, aggregations[i].Ddof);
            merged[i].Merge(groups.GroupOfRow, joined.Columns.Skip(column).Take(merged[i].StateWidth).ToArray());
            column += merged[i].StateWidth;
        }

        return new TaskOutput(Result(keys, keyColumns, groups, aggregations, merged));
    }

    private static GroupAggregate Fold(Aggregation aggregation, KeyGroups groups, Table table, long firstRow)
    {
        var aggregate = GroupAggregate.Create(aggregation.Op, groups.Count, aggregation.Ddof);
        aggregate.Add(groups.GroupOfRow, table[aggregation.A].AsDoubles(), firstRow);
        return aggregate;
    }

    private static Table Result(
        IReadOnlyList<string> keys, Column[] keyColumns, KeyGroups groups, IReadOnlyList<Aggregation> aggregations, GroupAggregate[] folded)
    {
        var (result, order) = groups.InKeyOrder(keys, keyColumns);
        for (var i = 0; i < aggregations.Count; i++)
        {
            result = result.With(aggregations[i].Column, folded[i].Result(order));
        }

        return result;
    }

    private sealed record Aggregation(string A, string Op, int Ddof, string Column, TaskArgs Args);

    private static (IReadOnlyList<string> Keys, List<Aggregation> Aggregations) Parse(TaskArgs args, TableSchema schema)
    {
        var keys = args.RequireColumns("keys", schema);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!names.Add(key))
            {
                throw new TaskArgumentException(args.At("keys"), $"'{key}' is listed twice");
            }
        }

        var aggregations = new List<Aggregation>();
        foreach (var aggregation in args.RequireList("aggregations"))
        {
            var a = aggregation.RequireColumn("a", schema);
            var op = aggregation.RequireChoice("op", GroupAggregate.Ops);
            var ddof = op is "std" or "var" ? aggregation.OptionalInt("ddof", 0, 0)
                : aggregation.Has("ddof") ? throw new TaskArgumentException(aggregation.At("ddof"), $"ddof applies to std and var, not {op}")
                : 0;
            var column = aggregation.RequireNewColumn();
            if (!names.Add(column))
            {
                throw new TaskArgumentException(aggregation.At("column"), $"'{column}' is already a column of the result (give each aggregation its own name)");
            }

            aggregations.Add(new Aggregation(a, op, ddof, column, aggregation));
        }

        return (keys, aggregations);
    }
}
