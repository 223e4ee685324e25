using System.Globalization;
using System.Text.RegularExpressions;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Pipelines;

/// <summary>Joins the timings of a stage's chunks into one stage timing, as if it had run whole.</summary>
internal static partial class ChunkMerge
{
    public static StageTiming Timing(int stage, IReadOnlyList<StageResult> chunks, double milliseconds)
    {
        var first = chunks[0].Timing.Tasks;
        var tasks = new TaskTiming[first.Count];
        for (var t = 0; t < tasks.Length; t++)
        {
            var runs = chunks.Select(c => c.Timing.Tasks[t]).ToArray();
            tasks[t] = new TaskTiming(
                first[t].Task,
                runs.Max(r => r.Milliseconds), // chunks run side by side: the slowest is the stage's wait
                runs.Sum(r => r.Rows),
                MergeNotes(runs.Select(r => r.Notes).ToArray()),
                runs.SelectMany(r => r.Files).Distinct().ToArray(),
                string.Join(",", runs.Select(r => r.Silo).Distinct().Order(StringComparer.Ordinal)));
        }

        var silos = string.Join(",", chunks.Select(c => c.Timing.Silo).Distinct().Order(StringComparer.Ordinal));
        return new StageTiming(stage, silos, milliseconds, chunks.Sum(c => c.Timing.Rows), tasks, chunks.Count);
    }

    /// <summary>Row counts such as filter's <c>(n,)</c> add up over chunks; other notes are taken from the first.</summary>
    private static TaskNote[] MergeNotes(IReadOnlyList<TaskNote>[] notes)
    {
        var merged = new TaskNote[notes[0].Count];
        for (var n = 0; n < merged.Length; n++)
        {
            var values = notes.Select(list => list[n].Value).ToArray();
            merged[n] = values.All(v => RowCount().IsMatch(v))
                ? notes[0][n] with { Value = $"({values.Sum(v => long.Parse(RowCount().Match(v).Groups[1].Value, CultureInfo.InvariantCulture))},)" }
                : notes[0][n];
        }

        return merged;
    }

    [GeneratedRegex(@"^\((\d+),\)$")]
    private static partial Regex RowCount();
}
