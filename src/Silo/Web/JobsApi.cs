using Rtl.Grains.Formats;
using Rtl.Grains.Storage;

namespace Rtl.Silo.Web;

/// <summary>
/// The JSON API for apps that are not .NET. Jobs go the durable path (<see cref="Rtl.Jobs.IJobGrain"/>), so the jobs
/// page, <c>rtl jobs</c> and the API all see the same records.
/// </summary>
public static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/jobs", SubmitEndpoint.Handle);
        app.MapGet("/api/jobs", async (IClusterClient cluster, int? count) =>
            Results.Json((await JobRecords.Recent(cluster, count ?? 20)).Select(JobView.Listed)));
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

    private static IResult NotFound(string id) => Results.NotFound(new { error = $"no job {id}" });

    private sealed class DeleteOnDispose(string file) : IDisposable
    {
        public void Dispose() => File.Delete(file);
    }
}
