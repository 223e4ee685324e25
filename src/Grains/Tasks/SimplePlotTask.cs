using System.Diagnostics;
using System.Globalization;
using Rtl.Data;
using Rtl.Grains.Plotting;
using Rtl.Tasks;

namespace Rtl.Grains.Tasks;

/// <summary>
/// Draws one PNG per plot name into <c>&lt;data dir&gt;/plots/&lt;job id&gt;/</c>; the table passes through
/// unchanged and the job result lists the files. The seed sent the points to a Bokeh server instead.
/// </summary>
public sealed class SimplePlotTask : IRtlTask
{
    public string Name => "simple_plot";

    public string Summary => "one PNG per plot into <data dir>/plots/<job id>/; table unchanged";

    public IReadOnlyList<TaskArgument> Arguments { get; } =
    [
        new("plots", "{name: [{x, y, type: circle|line|histogram, scale: linear|log, series?, bins?}]}: " +
            "title = name, axis titles = column names; series colours points by that column's values (legend); " +
            "histogram counts x in bins (default 30, at most 10,000); at most 10,000,000 points a plot"),
    ];

    public ColumnUse? Uses(TaskArgs args) => ColumnUse.PassesThrough(PlotArguments.Reads(args));

    public TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment)
    {
        _ = PlotArguments.Parse(args, input);
        return input;
    }

    public TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) =>
        PlotCost.Of(args, PlotArguments.Parse(args, input.Schema), input);

    public TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment)
    {
        var plots = PlotArguments.Parse(args, input.Schema);
        var font = PlotFonts.Family;
        var directory = PlotDirectory(environment);
        Directory.CreateDirectory(directory);
        var fileNames = PlotFileNames.For(plots.Select(p => p.Name));
        var files = new List<string>();
        var notes = new List<TaskNote>();
        for (var i = 0; i < plots.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            var png = PngRenderer.Render(PlotModelBuilder.Build(plots[i], input, font));
            var file = Path.Combine(directory, fileNames[i]);
            WriteWhole(file, png);
            files.Add(file);
            notes.Add(new TaskNote("Plot", string.Create(CultureInfo.InvariantCulture,
                $"{file} ({input.RowCount:N0} rows, {clock.Elapsed.TotalMilliseconds:F0} ms)")));
        }

        return new TaskOutput(input, notes, files);
    }

    /// <summary>Where a job's plots go; the web app serves them from here.</summary>
    public static string PlotDirectory(ITaskEnvironment environment) =>
        Path.Combine(environment.DataDirectory, "plots", environment.JobId.ToString());

    /// <summary>Written beside, then renamed: a reader never sees half a PNG.</summary>
    private static void WriteWhole(string file, byte[] png)
    {
        var partial = file + ".partial";
        File.WriteAllBytes(partial, png);
        File.Move(partial, file, overwrite: true);
    }
}
