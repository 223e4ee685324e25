using Rtl.Client;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Benchmarks;

/// <summary>C's projection row: a grouped pipeline that reads 3 of dev.dat's 27 columns, as written and with every column read.</summary>
public static partial class EndToEndBench
{
    private static readonly object[] GroupedSteps =
    [
        new { operations = new[] { new { column = "numTasks", method = "gt", value = 1 } } },
        new
        {
            keys = new[] { "numTasks" },
            aggregations = new[]
            {
                new { a = "executorRunTime", op = "mean", column = "meanRunTime" },
                new { a = "shuffleRemoteBytesRead", op = "sum", column = "remoteBytes" },
            },
        },
    ];

    private static Pipeline Grouped(object open) => Pipeline.Builder()
        .Stage(s => s.Task("open_array", open))
        .Stage(s => s.Task("filter", GroupedSteps[0]).Task("group_by", GroupedSteps[1]))
        .Build();

    private static async Task GroupedRow(RtlClient rtl, Report report, Budget budget, Numpy numpy, int rounds, string section)
    {
        var projected = Grouped(new { path = ".", filename = "dev", extension = "dat" });
        // What every read was before projection: usecols naming all 27 columns is kept as written.
        var whole = Grouped(new { path = ".", filename = "dev", extension = "dat", usecols = DataSets.DevNames });
        var numpyTimes = new List<double>();
        var pandasTimes = new List<double>();
        var projectedTimes = new List<double>();
        var wholeTimes = new List<double>();
        var projectedTasks = new List<TaskTiming[]>();
        var wholeTasks = new List<TaskTiming[]>();
        for (var round = 0; round < rounds; round++)
        {
            var block = budget.Round(round, rounds);
            numpyTimes.AddRange(numpy.Time("dev grouped", block));
            pandasTimes.AddRange(numpy.Time("dev grouped pandas", block));
            projectedTimes.AddRange((await Measure.RunAsync(block, async () => projectedTasks.Add(Tasks(await rtl.RunAsync(projected))))).Values);
            wholeTimes.AddRange((await Measure.RunAsync(block, async () => wholeTasks.Add(Tasks(await rtl.RunAsync(whole))))).Values);
        }

        var opened = (await rtl.RunAsync(projected)).Stages[0].Tasks[0].Notes[0].Value;
        KernelBench.AddRow(report, section,
            $"grouped pipeline end to end, projection (open dev.dat, filter, group_by numTasks: mean and sum of two columns; read: {opened}) vs numpy in-process (`fromfile`, the filter, `unique` + `bincount`)",
            new Samples(projectedTimes), new Samples(numpyTimes), null,
            $"{TaskBreakdown(projectedTasks)}; pandas `groupby` for the grouping p50 {Report.Ms(new Samples(pandasTimes).Median)}; the same reading all 27 columns (usecols of all): p50 {Report.Ms(new Samples(wholeTimes).Median)}, {TaskBreakdown(wholeTasks)}");
    }
}
