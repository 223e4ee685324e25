using Microsoft.Extensions.Options;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Pipelines;

namespace Rtl.Silo.Web;

/// <summary>
/// <c>POST /api/run</c>: the same bodies as <c>POST /api/jobs</c>, run at once on this silo and answered with the result,
/// as <c>rtl run</c> and the SDK's <c>RunAsync</c> do — nothing is stored, so a small job costs one request and no disk.
/// The answer is <c>multipart/mixed</c>: a part <c>job</c> (JSON: id, timings, columns, plot URLs) and a part
/// <c>table</c> (<c>.npy</c>). A direct run's plots are on this silo's disk, so only this silo serves them.
/// </summary>
public static class RunEndpoint
{
    public static void MapRunApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/run", Handle);
        app.MapGet("/api/runs/{id}/plots/{file}", Plot);
    }

    private static Task<IResult> Handle(HttpRequest request, IClusterClient cluster, TaskRegistry registry, IOptions<RtlOptions> options) =>
        SubmitEndpoint.Accept(request, cluster, registry, options.Value, "POST /api/run", async (id, pipeline, submission) =>
        {
            var result = await cluster.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(id, pipeline, submission.Table, null);
            return result.Succeeded
                ? new RunResponse(RunView.Of(result), result.Table)
                : Results.BadRequest(new { error = result.Error, failure = FailureView.Of(result.Failure), id });
        });

    private static IResult Plot(IOptions<RtlOptions> options, string id, string file)
    {
        // Only a PNG directly in the run's own plots folder: the name may not lead anywhere else.
        var path = Guid.TryParse(id, out var run) && file == Path.GetFileName(file) && file.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(Path.GetFullPath(options.Value.DataDir), "plots", run.ToString(), file)
            : null;
        return path is not null && File.Exists(path)
            ? Results.Stream(File.OpenRead(path), "image/png")
            : Results.NotFound(new { error = $"run {id} has no plot '{file}' on this silo" });
    }
}
