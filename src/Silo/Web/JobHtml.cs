using System.Globalization;
using System.Net;
using System.Text;
using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>
/// One job as HTML: status, pipeline, per-stage and per-task timings and rows, the error, the plots. On the jobs list
/// a card shows the first stages only and a shortened error, so the page stays small whatever the pipelines hold.
/// </summary>
public static class JobHtml
{
    private const int ListedStages = JobView.ListedStages;

    private const int ListedErrorChars = 600;

    public static string Card(JobRecord record, bool detail)
    {
        var html = new StringBuilder();
        var status = JobView.StatusWord(record.Status);
        html.Append(CultureInfo.InvariantCulture, $"""<section class="job{(detail ? " detail" : "")}" data-job="{record.Id}">""");
        html.Append(CultureInfo.InvariantCulture,
            $"""<h2><a href="/jobs/{record.Id}">{record.Id}</a> <span class="status {status}">{status}</span></h2>""");
        html.Append(CultureInfo.InvariantCulture, $"""<div class="muted">pipeline {Encode(PipelineText(record, detail ? int.MaxValue : ListedStages))} · submitted {record.Submitted:u}""");
        if (record.Finished is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" · {record.Milliseconds:F2} ms · {record.Rows:N0} rows × {record.Columns.Count} columns");
        }

        html.Append("</div>");
        if (record.Error is not null)
        {
            var error = detail || record.Error.Length <= ListedErrorChars ? record.Error : record.Error[..ListedErrorChars] + " …";
            html.Append(CultureInfo.InvariantCulture, $"""<p class="error">{Encode(error)}</p>""");
        }

        if (record.WaitingFor is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p>Waiting for {Encode(record.WaitingFor)}</p>""");
        }

        if (record.AttemptLog.Count > 1 || (detail && record.AttemptLog.Count > 0))
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p>Attempts: {Encode(string.Join("; ", record.AttemptLog.Select(a => $"{a.Number} on {a.Silo} at {a.Started:u}")))}</p>""");
        }

        AppendTimings(html, record, detail ? int.MaxValue : ListedStages);
        var plots = PlotLinks.Urls(record);
        if (plots.Count > 0)
        {
            html.Append("""<div class="plots">""");
            foreach (var url in plots)
            {
                var name = Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);
                html.Append(CultureInfo.InvariantCulture, $"""<a href="{url}"><img src="{url}" alt="{Encode(name)}"></a>""");
            }

            html.Append("</div>");
        }

        if (detail)
        {
            if (record.ResultPath is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p><a href="/api/jobs/{record.Id}/result.csv">result.csv</a> · <a href="/api/jobs/{record.Id}/result.npy">result.npy</a> · <a href="/api/jobs/{record.Id}">JSON</a></p>""");
            }

            html.Append(CultureInfo.InvariantCulture, $"<h3>Pipeline</h3><pre>{Encode(Indented(record.PipelineJson))}</pre>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    private static void AppendTimings(StringBuilder html, JobRecord record, int shown)
    {
        if (record.Stages.Count == 0)
        {
            return;
        }

        html.Append("""<table class="timings"><tr><th>stage / task</th><th>ms</th><th>rows</th><th>silo</th><th>notes</th></tr>""");
        foreach (var stage in record.Stages.Take(shown))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"""<tr class="stage"><th>stage {stage.Stage}</th><td class="num">{stage.Milliseconds:F2}</td><td class="num">{stage.Rows:N0}</td><td>{Encode(stage.Silo)}</td><td></td></tr>""");
            foreach (var task in stage.Tasks.Take(shown))
            {
                var notes = string.Join("<br>", task.Notes.Select(n => Encode($"{n.Key}: {n.Value}")));
                html.Append(CultureInfo.InvariantCulture,
                    $"""<tr class="task"><td>&nbsp;&nbsp;{Encode(task.Task)}</td><td class="num">{task.Milliseconds:F2}</td><td class="num">{task.Rows:N0}</td><td>{Encode(task.Silo)}</td><td class="notes">{notes}</td></tr>""");
            }

            if (stage.Tasks.Count > shown)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"""<tr class="more"><td colspan="5">&nbsp;&nbsp;<a href="/jobs/{record.Id}">{stage.Tasks.Count - shown:N0} more tasks on the job's page</a></td></tr>""");
            }
        }

        if (record.Stages.Count > shown)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"""<tr class="more"><td colspan="5"><a href="/jobs/{record.Id}">{record.Stages.Count - shown:N0} more stages on the job's page</a></td></tr>""");
        }

        html.Append("</table>");
    }

    /// <summary>The stored name, or the tasks of each stage: <c>open_array | filter, add, simple_plot</c>, up to <paramref name="shown"/> stages.</summary>
    private static string PipelineText(JobRecord record, int shown)
    {
        if (record.PipelineName is not null)
        {
            return record.PipelineName;
        }

        try
        {
            var pipeline = Pipelines.Pipeline.FromJson(record.PipelineJson);
            var text = string.Join(" | ", pipeline.Stages.Take(shown).Select(s => string.Join(", ", s.Tasks.Take(shown).Select(t => t.Name)) + (s.Tasks.Count > shown ? ", …" : "")));
            return pipeline.Stages.Count > shown ? string.Create(CultureInfo.InvariantCulture, $"{text} | … (+{pipeline.Stages.Count - shown:N0} stages)") : text;
        }
        catch (Pipelines.PipelineFormatException)
        {
            return "(unreadable)";
        }
    }

    private static string Indented(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement, IndentedJson);
    }

    private static readonly System.Text.Json.JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
