using System.Globalization;
using Rtl.Jobs;

namespace Rtl.Silo.Output;

/// <summary>The end of a run: total time, files written, and a preview of the table.</summary>
public static class ResultPrinter
{
    public static void Print(JobResult result, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total Elapsed Time: {result.Milliseconds / 1000:F6}"));
        foreach (var file in result.Files)
        {
            output.WriteLine($"Wrote: {file}");
        }

        if (result.Table is { } table)
        {
            output.WriteLine(table.ToPreview());
        }
    }

    public static void PrintRecord(JobRecord record, TextWriter output)
    {
        output.WriteLine($"Job:       {record.Id}");
        output.WriteLine($"Status:    {record.Status.ToString().ToLowerInvariant()}");
        if (record.PipelineName is not null)
        {
            output.WriteLine($"Pipeline:  {record.PipelineName}");
        }

        output.WriteLine($"Submitted: {record.Submitted:u}");
        if (record.Finished is { } finished)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Finished:  {finished:u} ({record.Milliseconds:F2} ms)"));
        }

        foreach (var attempt in record.AttemptLog)
        {
            output.WriteLine($"Attempt {attempt.Number}: {attempt.Started:u} on {attempt.Silo}");
        }

        if (record.WaitingFor is { } waiting)
        {
            output.WriteLine($"Waiting:   {waiting}");
        }

        foreach (var stage in record.Stages)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stage {stage.Stage} on {stage.Silo}: {stage.Milliseconds:F2} ms, {stage.Rows} rows"));
            foreach (var task in stage.Tasks)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {task.Task}: {task.Milliseconds:F2} ms, {task.Rows} rows"));
                foreach (var note in task.Notes)
                {
                    output.WriteLine($"      {note}");
                }
            }
        }

        if (record.Status == JobStatus.Completed)
        {
            output.WriteLine($"Result:    {record.Rows} rows; columns {string.Join(", ", record.Columns)}");
        }

        if (record.Error is not null)
        {
            output.WriteLine($"Error:     {record.Error}");
        }
    }
}
