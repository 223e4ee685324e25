using Rtl.Data;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Tasks;

/// <summary>Runs tasks the way a stage does (Plan, then Run) and checks what every task promises.</summary>
internal static class TaskHarness
{
    /// <summary>What a run may allocate beyond its stated cost: the tables, lists and notes of any run, however small.</summary>
    public const long Slack = 64 << 10;

    /// <summary>
    /// Plans and runs <paramref name="task"/>; asserts the planned schema is the produced one, that the stated cost
    /// bounds the rows produced and the bytes the run allocated, and that the input's columns were not written
    /// (their bytes are unchanged).
    /// </summary>
    public static TaskOutput Run(IRtlTask task, string json, Table input)
    {
        var before = input.Columns.Select(c => c.Bytes.ToArray()).ToArray();
        var args = TaskArgs.Parse(json);
        var cost = task.Cost(args, TablePlan.Of(input), TestEnvironment.Instance);
        var planned = task.Plan(args, input.Schema, TestEnvironment.Instance);
        cost ??= TaskCost.Unstated(TablePlan.Of(input), planned);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var output = task.Run(args, input, TestEnvironment.Instance);

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal(planned.ToString(), output.Table.Schema.ToString());
        Assert.True(output.Table.RowCount <= cost.Rows, $"{task.Name}: {output.Table.RowCount} rows, over the stated {cost.Rows}");
        Assert.True(allocated <= cost.Bytes + Slack, $"{task.Name}: the run allocated {allocated:N0} bytes, over the stated {cost.Describe(10)}");
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i], input.Columns[i].Bytes.ToArray());
        }

        return output;
    }

    public static Table RunTable(IRtlTask task, string json, Table input) => Run(task, json, input).Table;

    /// <summary>Asserts Plan rejects the arguments with this path and message, and that Run does too.</summary>
    public static TaskArgumentException PlanFails(IRtlTask task, string json, Table input, string path, string message)
    {
        var args = TaskArgs.Parse(json);
        var planned = Assert.Throws<TaskArgumentException>(() => task.Plan(args, input.Schema, TestEnvironment.Instance));
        Assert.Equal(path, planned.Argument);
        Assert.Equal(message, planned.Message);
        var ran = Assert.Throws<TaskArgumentException>(() => task.Run(args, input, TestEnvironment.Instance));
        Assert.Equal(planned.Located, ran.Located);
        return planned;
    }

    public static double[] Doubles(this Table table, string column) => table[column].AsDoubles().ToArray();

    public static long[] Longs(this Table table, string column) => ((Column<long>)table[column]).Span.ToArray();

    /// <summary>Equal within a few ulps; NaN equals NaN, infinities must match exactly.</summary>
    public static void Close(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            var a = actual[i];
            var ok = double.IsNaN(e) ? double.IsNaN(a)
                : double.IsInfinity(e) ? e == a
                : Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e));
            Assert.True(ok, $"row {i}: expected {e}, got {a}");
        }
    }

    /// <summary>The seed's fixtures: a (i8), x and y (f8), five rows.</summary>
    public static Table Axy() => Table.Create(
        ("a", Column.Of(0L, 1, 2, 3, 4)),
        ("x", Column.Of(1.5, -2.0, 4.0, 0.0, 9.0)),
        ("y", Column.Of(2.0, 4.0, 8.0, 0.0, 3.0)));

    /// <summary>The raspi-tasks test fixture: a = 0..3, b = 2, 23, 13, 7 (both i8).</summary>
    public static Table Ab() => Table.Create(("a", Column.Of(0L, 1, 2, 3)), ("b", Column.Of(2L, 23, 13, 7)));

    public static Table Empty() => Table.Create(("a", Column.Of(Array.Empty<long>())), ("x", Column.Of(Array.Empty<double>())));

    /// <summary>n rows: i (i8) = 0..n-1 and x (f8) = some deterministic wavy values.</summary>
    public static Table Large(int n)
    {
        var i = new long[n];
        var x = new double[n];
        for (var r = 0; r < n; r++)
        {
            i[r] = r;
            x[r] = Math.Round(Math.Sin(r * 0.37) * 100, 3);
        }

        return Table.Create(("i", Column.Of(i)), ("x", Column.Of(x)));
    }
}
