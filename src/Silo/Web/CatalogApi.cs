using System.Text;
using Rtl.Grains.Registry;
using Rtl.Pipelines;

namespace Rtl.Silo.Web;

/// <summary>
/// The tasks and stored pipelines over HTTP, as <c>rtl tasks</c> and <c>rtl pipeline add|list|show|remove</c> give
/// them: for clients that are not .NET (the Python package).
/// </summary>
public static class CatalogApi
{
    public static void MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", (TaskRegistry registry) => Results.Json(registry.All.Select(task => new
        {
            name = task.Name,
            summary = task.Summary,
            arguments = task.Arguments.Select(a => new { name = a.Name, description = a.Description, required = a.Required }),
            plugin = registry.PluginFile(task.Name) is not null,
        })));
        app.MapGet("/api/pipelines", async (IClusterClient cluster) =>
            Results.Json(await cluster.GetGrain<IPipelineCatalogGrain>(0).List()));
        app.MapGet("/api/pipelines/{name}", async (IClusterClient cluster, string name) =>
            await cluster.GetGrain<INamedPipelineGrain>(name).Get() is { } json
                ? Results.Text(json, "application/json")
                : NoPipeline(name));
        app.MapPut("/api/pipelines/{name}", Store);
        app.MapDelete("/api/pipelines/{name}", async (IClusterClient cluster, string name) =>
            await cluster.GetGrain<INamedPipelineGrain>(name).Remove() ? Results.Json(new { removed = name }) : NoPipeline(name));
    }

    /// <summary>Stores the body (either JSON shape, at most <see cref="PipelineLimits.MaxJsonBytes"/>) under the name.</summary>
    private static async Task<IResult> Store(HttpRequest request, IClusterClient cluster, string name)
    {
        var buffer = new byte[PipelineLimits.MaxJsonBytes + 1];
        var length = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, request.HttpContext.RequestAborted);
        Pipeline pipeline;
        try
        {
            PipelineLimits.CheckJson(length);
            pipeline = Pipeline.FromJson(Encoding.UTF8.GetString(buffer, 0, length));
        }
        catch (PipelineTooLargeException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (PipelineFormatException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }

        await cluster.GetGrain<INamedPipelineGrain>(name).Set(pipeline.ToJson());
        return Results.Json(new { name, stages = pipeline.Stages.Count });
    }

    private static IResult NoPipeline(string name) => Results.NotFound(new { error = $"no pipeline named '{name}'" });
}
