using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rtl.Data;
using Rtl.Formats;
using Rtl.Grains;
using Rtl.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Registry;
using Rtl.Storage;
using Rtl.Tasks;
using Rtl.Validation;

namespace Rtl.Silo.Web;

/// <summary>
/// The JSON API for apps that are not .NET. Jobs go the durable path (<see cref="IJobGrain"/>), so the jobs
/// page, <c>rtl jobs</c> and the API all see the same records.
/// </summary>
public static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/jobs", Submit);
        app.MapGet("/api/jobs", async (IClusterClient cluster, int? count) =>
            Results.Json((await JobRecords.Recent(cluster, count ?? 20)).Select(JobView.Of)));
        app.MapGet("/api/jobs/{id}", async (IClusterClient cluster, string id) =>
            await JobRecords.Find(cluster, id) is { } record ? Results.Json(JobView.Of(record)) : NotFound(id));
        app.MapGet("/api/jobs/{id}/result.csv", ResultCsv);
        app.MapGet("/api/jobs/{id}/result.npy", ResultNpy);
        app.MapGet("/api/jobs/{id}/plots/{file}", async (IClusterClient cluster, IJobStore store, string id, string file) =>
            await JobRecords.Find(cluster, id) is { } record && PlotLinks.Find(record, file) is { } path
            && await JobBlobs.Plot(store, record.Id, path) is { } png
                ? Results.Stream(png, "image/png")
                : Results.NotFound(new { error = $"job {id} has no plot '{file}'" }));
    }

    private static async Task<IResult> Submit(HttpRequest request, IClusterClient cluster, TaskRegistry registry, IOptions<RtlOptions> options)
    {
        var limit = RequestLimits.MaxBodyBytes(options.Value.MaxTableBytes);
        if (await ReadBody(request, limit) is not { } body)
        {
            return TooLarge(limit);
        }

        var id = Guid.NewGuid();
        try
        {
            var submission = JobSubmission.Parse(body);
            var pipeline = submission.Pipeline ?? await SiloLoss.Retry(_ => Stored(cluster, submission.PipelineName!), WebErrors.SiloLossPatience);
            // The same check the pipeline grain makes before running, so a bad pipeline is a 400 now, not a failed job later.
            var environment = TaskEnvironment.For(options.Value, id, options.Value.ResolvedSiloName);
            PipelineValidator.Validate(pipeline, TablePlan.Of(submission.Table ?? Table.Empty), registry, environment, options.Value.ResolvedMemoryBudget);
            // A silo lost a moment ago may still be chosen for the job: retry a few seconds with the same id (Submit
            // is idempotent on it, so a try that did land makes no second job), then WebErrors answers 503.
            var record = await SiloLoss.Retry(
                _ => cluster.GetGrain<IJobGrain>(id).Submit(pipeline.ToJson(), submission.PipelineName, submission.Table),
                WebErrors.SiloLossPatience);
            return Results.Created($"/api/jobs/{record.Id}", new { id = record.Id, status = JobView.StatusWord(record.Status) });
        }
        catch (Exception e) when (e is PipelineFormatException or ArgumentException or FileFormatException)
        {
            return Results.BadRequest(new { error = e.Message });
        }
    }

    private static async Task<Pipeline> Stored(IClusterClient cluster, string name) =>
        await cluster.GetGrain<INamedPipelineGrain>(name).Get() is { } json
            ? Pipeline.FromJson(json)
            : throw new PipelineFormatException($"no pipeline named '{name}'");

    private static async Task<IResult> ResultCsv(HttpContext context, IClusterClient cluster, IJobStore store, string id)
    {
        if (await JobRecords.Find(cluster, id) is not { } record)
        {
            return NotFound(id);
        }

        // Straight from the job store: no need to route the table through the job's grain.
        if (await JobTables.ReadResultAsync(store, record) is not { } table)
        {
            return Results.Conflict(new { error = $"job {id} is {JobView.StatusWord(record.Status)} and has no result table" });
        }

        // The CSV writer works on files: write one aside, stream it, remove it.
        var file = Path.Combine(Path.GetTempPath(), $"rtl-{record.Id:N}-{Guid.NewGuid():N}.csv");
        CsvFile.Write(file, table);
        context.Response.RegisterForDispose(new DeleteOnDispose(file));
        return Results.File(file, "text/csv", $"{record.Id}.csv");
    }

    /// <summary>The result as numpy's <c>.npy</c>, streamed from the job store as it is stored.</summary>
    private static async Task<IResult> ResultNpy(IClusterClient cluster, IJobStore store, string id)
    {
        if (await JobRecords.Find(cluster, id) is not { } record)
        {
            return NotFound(id);
        }

        return await JobBlobs.Result(store, record) is { } npy
            ? Results.Stream(npy, "application/octet-stream", $"{record.Id}.npy")
            : Results.Conflict(new { error = $"job {id} is {JobView.StatusWord(record.Status)} and has no result table" });
    }

    private static IResult TooLarge(long limit) =>
        Results.Json(new { error = RequestLimits.Describe(limit) }, statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// The body, or null when it is over <paramref name="limit"/>. A body somewhat over it is read to its end and
    /// dropped, so the client, still sending, gets the 413 rather than a reset connection; one past
    /// <see cref="RequestLimits.DrainBytes"/> is refused at once (Kestrel's MaxRequestBodySize).
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBody(HttpRequest request, long limit)
    {
        var drain = RequestLimits.DrainBytes(limit);
        if (request.ContentLength > drain)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = drain;
        }

        var aborted = request.HttpContext.RequestAborted;
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, limit));
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, aborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    while (await request.Body.ReadAsync(chunk, aborted) > 0)
                    {
                        // drop the rest
                    }

                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static IResult NotFound(string id) => Results.NotFound(new { error = $"no job {id}" });

    private sealed class DeleteOnDispose(string file) : IDisposable
    {
        public void Dispose() => File.Delete(file);
    }
}
