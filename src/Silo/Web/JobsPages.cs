using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary><c>/</c>: recent jobs, newest first, with their timings and plots; <c>/jobs/{id}</c>: one job.</summary>
public static class JobsPages
{
    private const int Shown = 20;

    public static void MapJobsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (IClusterClient cluster) =>
        {
            var records = await JobRecords.Recent(cluster, Shown);
            var body = records.Count == 0
                ? """<p class="muted">No jobs yet. Submit one with <code>rtl submit</code>, <code>POST /api/jobs</code>, or run <code>rtl demo</code>.</p>"""
                : string.Concat(records.Select(r => JobHtml.Card(r, detail: false)));
            return Html(PageLayout.Page("Rtl jobs", body, refresh: records.Any(Unfinished)));
        });
        app.MapGet("/jobs/{id}", async (IClusterClient cluster, string id) =>
            await JobRecords.Find(cluster, id) is { } record
                ? Html(PageLayout.Page($"Rtl job {record.Id}", JobHtml.Card(record, detail: true), refresh: Unfinished(record)))
                : NotFoundPage("No such job", $"<p>No job {System.Net.WebUtility.HtmlEncode(id)}.</p>"));
    }

    private static bool Unfinished(JobRecord record) => record.Status is JobStatus.Queued or JobStatus.Running;

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    /// <summary>A 404 as a page of the web app, for what a browser asks for.</summary>
    public static IResult NotFoundPage(string title, string body) =>
        Results.Content(PageLayout.Page(title, body, refresh: false), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
