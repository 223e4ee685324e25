using Rtl.Grains.Streams;
using Rtl.Streams;

namespace Rtl.Silo.Web;

/// <summary>
/// Streams over HTTP: define, list, show and remove them, post rows into one (<c>{"columns": {...}}</c>, a JSON array of
/// readings, or one reading per line), and fetch the latest window's plots. Rows go to the stream's DataNode, as MQTT
/// messages and the SDK's do.
/// </summary>
public static class StreamsApi
{
    /// <summary>The largest body of rows taken in one post: about a million readings.</summary>
    public const int MaxRowsBodyBytes = 16 << 20;

    public static void MapStreamsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/streams", Define);
        app.MapGet("/api/streams", async (IClusterClient cluster) =>
        {
            var names = await cluster.GetGrain<IStreamCatalogGrain>(0).List();
            var statuses = await Task.WhenAll(names.Select(n => cluster.GetGrain<IDataNodeGrain>(n).Status()));
            return Results.Json(statuses.OfType<StreamStatus>().Select(StreamView.Listed));
        });
        app.MapGet("/api/streams/{name}", async (IClusterClient cluster, string name) =>
            await cluster.GetGrain<IDataNodeGrain>(name).Status() is { } status ? Results.Json(StreamView.Of(status)) : NotFound(name));
        app.MapDelete("/api/streams/{name}", async (IClusterClient cluster, string name) =>
            await cluster.GetGrain<IDataNodeGrain>(name).Remove() ? Results.NoContent() : NotFound(name));
        app.MapPost("/api/streams/{name}/rows", PostRows);
        app.MapGet("/api/streams/{name}/plots/{file}", async (IClusterClient cluster, string name, string file) =>
            await cluster.GetGrain<IDataNodeGrain>(name).LatestPlot(file) is { } png
                ? Results.Bytes(png, "image/png")
                : Results.NotFound(new { error = $"stream {name} has no plot '{file}' in its latest window" }));
    }

    private static async Task<IResult> Define(HttpContext context, IClusterClient cluster)
    {
        var body = await ReadBody(context, 1 << 20);
        if (body is null)
        {
            return TooLarge(1 << 20);
        }

        StreamDefinition definition;
        try
        {
            definition = StreamRequest.Parse(body);
            await cluster.GetGrain<IDataNodeGrain>(definition.Name).Define(definition);
        }
        catch (StreamDefinitionException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }

        var status = await cluster.GetGrain<IDataNodeGrain>(definition.Name).Status();
        return Results.Json(StreamView.Of(status!), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> PostRows(HttpContext context, IClusterClient cluster, string name)
    {
        if (await cluster.GetGrain<IDataNodeGrain>(name).Definition() is null)
        {
            return NotFound(name);
        }

        var body = await ReadBody(context, MaxRowsBodyBytes);
        if (body is null)
        {
            return TooLarge(MaxRowsBodyBytes);
        }

        RowBatch batch;
        try
        {
            batch = RowsBody.Parse(body);
        }
        catch (FormatException e)
        {
            return Results.BadRequest(new { error = $"POST /api/streams/{name}/rows: {e.Message}" });
        }

        await cluster.GetGrain<IDataNodeGrain>(name).Rows(batch);
        return Results.Json(new { accepted = batch.RowCount }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBody(HttpContext context, int limit)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[64 << 10];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (memory.Length + read > limit)
            {
                return null;
            }

            memory.Write(chunk, 0, read);
        }

        return memory.ToArray();
    }

    private static IResult TooLarge(int limit) =>
        Results.Json(new { error = $"request body: over the limit of {limit:N0} bytes; post fewer rows at a time" }, statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult NotFound(string name) => Results.NotFound(new { error = $"no stream named '{name}'" });
}
