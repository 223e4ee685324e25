using Rtl.Data;
using Rtl.Grains.Registry;
using Rtl.Grains.Tasks.Internals;
using Rtl.Numerics;
using Rtl.Tasks;

namespace Rtl.Benchmarks;

/// <summary>
/// A. Every task's kernel called directly (<see cref="IRtlTask.Run"/>) on the 1,000,000-row table, against
/// the same operation in numpy (<c>bench/numpy/kernels.py</c>, same keys) on the same files.
/// </summary>
public static class KernelBench
{
    /// <summary>key, task, arguments, what numpy does (the script has the code under the same key).</summary>
    public static readonly (string Key, string Task, string Args, string Numpy)[] Cases =
    [
        ("add", "add", """{"operations":[{"a":"x","b":"y","column":"r"}]}""", "np.add(x, y)"),
        ("add scalar", "add", """{"operations":[{"a":"x","b":273.15,"column":"r"}]}""", "np.add(x, 273.15)"),
        ("subtract", "subtract", """{"operations":[{"a":"x","b":"y","column":"r"}]}""", "np.subtract(x, y)"),
        ("multiply", "multiply", """{"operations":[{"a":"x","b":"y","column":"r"}]}""", "np.multiply(x, y)"),
        ("divide", "divide", """{"operations":[{"a":"x","b":"y","column":"r"}]}""", "np.divide(x, y)"),
        ("power (b=1.5)", "power", """{"operations":[{"a":"x","b":1.5,"column":"r"}]}""", "np.power(x, 1.5)"),
        ("power (b=column)", "power", """{"operations":[{"a":"w","b":"z","column":"r"}]}""", "np.power(w, z)"),
        ("power (b=2)", "power", """{"operations":[{"a":"x","b":2,"column":"r"}]}""", "np.power(x, 2)"),
        ("log", "log", """{"operations":[{"a":"x","column":"r"}]}""", "np.log(x)"),
        ("square_root", "square_root", """{"operations":[{"a":"x","column":"r"}]}""", "np.sqrt(x)"),
        ("average", "average", """{"operations":[{"a":"x","column":"r"}]}""", "np.full(n, x.mean())"),
        ("cross_average (3 cols)", "cross_average", """{"operations":[{"columns":["x","y","z"],"column":"r"}]}""", "r = x + y; r += z; r /= 3"),
        ("aggregate (3 cols)", "aggregate", """{"operations":[{"columns":["x","y","z"],"column":"r"}]}""", "r = x + y; r += z; r /= 3"),
        ("cross_max (3 cols)", "cross_max", """{"operations":[{"columns":["x","y","z"],"column":"r"}]}""", "np.maximum(np.maximum(x, y), z)"),
        ("difference", "difference", """{"operations":[{"a":"x","column":"r"}]}""", "r[0] = nan; np.subtract(x[1:], x[:-1], out=r[1:])"),
        ("filter (4 operations, 6 cols)", "filter",
            """{"operations":[{"column":"x","method":"gt","value":100},{"column":"x","method":"lt","value":900},{"column":"y","method":"ge","value":10},{"column":"k","method":"ne","value":5}]}""",
            "m = (x>100)&(x<900)&(y>=10)&(k!=5); [c[m] for c in cols]"),
        ("histogram (10 bins)", "histogram", """{"operations":[{"a":"x","bins":10,"column":"r"}]}""", "np.histogram + np.searchsorted + take"),
        ("normalize Squash", "normalize", """{"model":"Squash","columns":["x"]}""", "c = np.minimum(x, 2*mean); (c - min)/max*100"),
        ("normalize PercentOfMax", "normalize", """{"model":"PercentOfMax","columns":["x"]}""", "(x - min)/(max - min)*100"),
        ("normalize DistanceFromMean", "normalize", """{"model":"DistanceFromMean","columns":["x"],"weight":0.1}""", "python loop (a recurrence: no vectorised numpy form)"),
        ("classify_static (1 key, 1000 values)", "classify_static", """{"operations":[{"a":["k"],"column":"k"}]}""", "np.unique(k, return_inverse, return_counts)"),
        ("classify_static (2 keys)", "classify_static", """{"operations":[{"a":["k","g"],"column":"kg"}]}""", "np.unique(stack, axis=0, return_inverse, return_counts)"),
        ("column_space linear", "column_space", """{"column":"x","space":"linear"}""", "np.linspace(0, x.max(), n)"),
        ("column_space log", "column_space", """{"column":"x","space":"log"}""", "np.logspace(0.001, 1, n)"),
        ("column_space sorted", "column_space", """{"column":"x","space":"sorted"}""", "np.sort(x)"),
        ("regression Linear", "regression", """{"operations":[{"x":"x","y":"y","model":"Linear","space":"linear"}]}""", "np.polyfit(x, y, 1) + corrcoef**2 + eval on linspace"),
        ("regression Poly (d=3)", "regression", """{"operations":[{"x":"x","y":"y","model":"Poly","d":3,"space":"linear"}]}""", "np.polyfit(x, y, 3) + np.polyval on linspace"),
        ("sort (f8 column, 6 cols)", "sort", """{"column":"x","kind":"stable"}""", "np.argsort(x, kind='stable'); take all"),
        ("sort (i8 column, 6 cols)", "sort", """{"column":"k","kind":"stable"}""", "np.argsort(k, kind='stable'); take all"),
        ("unique (i8, 1000 values)", "unique", """{"a":"k"}""", "np.unique(k[::-1], return_index) (keep last); take all"),
        ("unique (f8, ~all distinct)", "unique", """{"a":"x"}""", "np.unique(x[::-1], return_index) (keep last); take all"),
        ("group_by (i8 key, 1000 groups; mean, max of 2 cols)", "group_by",
            """{"keys":["k"],"aggregations":[{"a":"x","op":"mean","column":"mx"},{"a":"x","op":"max","column":"tx"},{"a":"y","op":"mean","column":"my"},{"a":"y","op":"max","column":"ty"}]}""",
            "pandas: df.groupby('k', sort=True, dropna=False).agg(mean, max of x and y)"),
        ("null", "null", "{}", "identity"),
    ];

    /// <summary>Cases whose target is not numpy parity: group_by is held to issue 17's ≤ 1.5x pandas.</summary>
    private static readonly Dictionary<string, double> Targets = new() { ["group_by"] = 1.5 };

    /// <summary>What the numpy worker says when a case's baseline library is not installed (kernels.py).</summary>
    private const string Missing = "is missing";

    /// <summary>Tasks that read or write files: measured in B and C, not here.</summary>
    private static readonly HashSet<string> FileTasks = ["open_array", "open", "write", "simple_plot"];

    public static void Run(DataSets data, Report report, Budget budget, Numpy numpy, int rounds, string section)
    {
        var registry = TaskRegistry.BuiltIn();
        var environment = new BenchEnvironment(data.FilesRoot, data.Root);
        var table = data.Kernel;

        // One pass over every case first: the first cases measured should meet the heap of a process that has
        // been running kernels (as a silo's has), not the one left by generating the data.
        foreach (var (_, taskName, json, _) in Cases)
        {
            if (registry.TryFind(taskName, out var warm))
            {
                GC.KeepAlive(warm.Run(TaskArgs.Parse(json), table, environment));
            }
        }

        foreach (var (key, taskName, json, numpyText) in Cases)
        {
            if (!registry.TryFind(taskName, out var task))
            {
                report.Add(new Row(section, key, "task not registered", "", double.NaN, "≤ 1.0x", null));
                continue;
            }

            var args = TaskArgs.Parse(json);
            task.Plan(args, table.Schema, environment);
            // numpy's Python loop takes seconds: fewer repetitions there.
            var slow = key.Contains("DistanceFromMean", StringComparison.Ordinal);
            var caseBudget = slow ? budget with { Warmup = 1, MinReps = rounds * 2 } : budget;
            var target = key == "null" ? (double?)null : Targets.GetValueOrDefault(taskName, 1.0);
            void Kernel() => GC.KeepAlive(task.Run(args, table, environment));
            try
            {
                var (rtl, baseline) = numpy.Interleave(key, caseBudget, rounds, Kernel);
                AddRow(report, section, $"{key} — `{numpyText}`", rtl, baseline, target);
            }
            catch (InvalidOperationException e) when (e.Message.Contains(Missing, StringComparison.Ordinal))
            {
                // No baseline on this machine (pandas): Rtl's side is still measured, the row says what is missing.
                AddRow(report, section, $"{key} — `{numpyText}`", Measure.Run(caseBudget, Kernel), null, target, e.Message);
            }
        }

        FilterRowsAtEachWidth(report, section, table, budget, numpy, rounds);

        // A task added to the bundle after this list was written shows up as not measured rather than silently missing.
        var measured = Cases.Select(c => c.Task).ToHashSet();
        foreach (var task in registry.All.Where(t => !measured.Contains(t.Name) && !FileTasks.Contains(t.Name)))
        {
            report.Add(new Row(section, $"{task.Name} (new task: no case yet)", "not measured", "", double.NaN, "≤ 1.0x", null));
        }
    }

    /// <summary>The filter's vectorised selection at each width it has (a Pi takes the 128-bit one), against numpy's mask + flatnonzero.</summary>
    private static void FilterRowsAtEachWidth(Report report, string section, Table table, Budget budget, Numpy numpy, int rounds)
    {
        var x = table["x"].AsDoubles().ToArray();
        var rows = new int[x.Length];
        foreach (var width in new[] { VectorWidth.Bits256, VectorWidth.Bits128, VectorWidth.Scalar })
        {
            var (rtl, baseline) = numpy.Interleave("filter rows (x > 500)", budget, rounds,
                () => GC.KeepAlive(Compaction.Select<Greater>(x, 500, rows, width)));
            var name = width == VectorWidth.Scalar ? "scalar" : $"{(int)width}-bit";
            AddRow(report, section, $"filter rows (x > 500), {name} — `np.flatnonzero(x > 500)`", rtl, baseline, 1.0,
                width == VectorWidths.Widest ? "the width this CPU chooses" : "forced width");
        }
    }

    public static void AddRow(Report report, string section, string measure, Samples rtl, Samples? baseline, double? targetRatio, string note = "", DaskFigure? dask = null)
    {
        var ratio = baseline is null ? double.NaN : rtl.Median / baseline.Median;
        report.Add(new Row(section, measure, Report.Ms(rtl.Median), baseline is null ? "n/a" : Report.Ms(baseline.Median), ratio,
            targetRatio is null ? "—" : $"≤ {targetRatio:0.0#}x", targetRatio is null || double.IsNaN(ratio) ? null : ratio <= targetRatio,
            string.IsNullOrEmpty(note) ? $"n={rtl.Count}/{baseline?.Count ?? 0}" : $"n={rtl.Count}/{baseline?.Count ?? 0}; {note}", dask));
    }
}

/// <summary>A minimal <see cref="ITaskEnvironment"/>: paths under the benchmark's files root, no confinement checks needed.</summary>
public sealed class BenchEnvironment(string filesRoot, string dataDirectory) : ITaskEnvironment
{
    public string FilesRoot { get; } = filesRoot;

    public string DataDirectory { get; } = dataDirectory;

    public Guid JobId { get; } = Guid.NewGuid();

    public string ResolvePath(string argument, params string[] relativePath) =>
        Path.GetFullPath(Path.Combine([FilesRoot, .. relativePath]));
}
