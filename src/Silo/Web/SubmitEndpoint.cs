using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Grains.Validation;
using Rtl.Jobs;
using Rtl.Messaging;
using Rtl.Pipelines;
using Rtl.Silo.Web.Submissions;
using Rtl.Tasks;

namespace Rtl.Silo.Web;

/// <summary>
/// <c>POST /api/jobs</c>: the body is read as it streams in, checked as the pipeline grain would check it (a bad
/// pipeline is a 400 now, not a failed job later) and submitted durably. A refused body is read to its end and
/// dropped, and what it made the silo hold is given back.
/// </summary>
public static class SubmitEndpoint
{
    public static Task<IResult> Handle(HttpRequest request, IClusterClient cluster, TaskRegistry registry, IOptions<RtlOptions> options) =>
        Accept(request, cluster, registry, options.Value, "POST /api/jobs", async (id, pipeline, submission) =>
        {
            // A silo lost a moment ago may still be chosen for the job: retry a few seconds with the same id (Submit
            // is idempotent on it, so a try that did land makes no second job), then WebErrors answers 503.
            var record = await SiloLoss.Retry(
                _ => cluster.GetGrain<IJobGrain>(id).Submit(pipeline.ToJson(), submission.PipelineName, submission.Table),
                WebErrors.SiloLossPatience);
            return Results.Created($"/api/jobs/{record.Id}", new { id = record.Id, status = JobView.StatusWord(record.Status) });
        });

    /// <summary>
    /// Reads a submission (JSON, or <c>multipart/form-data</c> with a <c>.npy</c> table), checks its pipeline as the
    /// pipeline grain would, and hands it to <paramref name="accept"/> under a fresh job id; a refused body is a 4xx.
    /// </summary>
    internal static async Task<IResult> Accept(HttpRequest request, IClusterClient cluster, TaskRegistry registry, RtlOptions options,
        string route, Func<Guid, Pipeline, JobSubmission, Task<IResult>> accept)
    {
        var mark = RefusalMemory.Mark();
        var (result, refused) = await Submit(request, cluster, registry, options, route, accept);
        if (refused)
        {
            // Once the answer is sent, so the collection does not delay it.
            request.HttpContext.Response.OnCompleted(() =>
            {
                RefusalMemory.ReleaseSoon(mark);
                return Task.CompletedTask;
            });
        }

        return result;
    }

    private static async Task<(IResult Result, bool Refused)> Submit(HttpRequest request, IClusterClient cluster, TaskRegistry registry, RtlOptions options,
        string route, Func<Guid, Pipeline, JobSubmission, Task<IResult>> accept)
    {
        var form = FormSubmissionReader.IsForm(request.ContentType);
        if (request.ContentType is { } type && !form && !IsJson(type))
        {
            await Drain(request);
            return (Results.Json(new { error = $"{route} takes a JSON body (Content-Type: application/json) or multipart/form-data with a .npy table, not {type}" },
                statusCode: StatusCodes.Status415UnsupportedMediaType), true);
        }

        var limit = RequestLimits.MaxBodyBytes(options.MaxTableBytes);
        var drain = RequestLimits.DrainBytes(limit);
        if (request.ContentLength > drain)
        {
            return (TooLarge(RequestLimits.Describe(limit)), true);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = drain;
        }

        if (request.ContentLength > limit)
        {
            // Declared too big: not worth parsing, but read and dropped so the sender gets the 413.
            await Drain(request);
            return (TooLarge(RequestLimits.Describe(limit)), true);
        }

        var id = Guid.NewGuid();
        var read = new StrongBox<JobSubmission?>();
        try
        {
            var aborted = request.HttpContext.RequestAborted;
            await (form
                ? FormSubmissionReader.ReadAsync(request.Body, request.ContentType!, limit, options.MaxTableBytes, read, aborted)
                : SubmissionReader.ReadAsync(request.Body, limit, options.MaxTableBytes, read, aborted));
            var submission = read.Value!;
            var pipeline = submission.Pipeline ?? await SiloLoss.Retry(_ => Stored(cluster, submission.PipelineName!), WebErrors.SiloLossPatience);
            var environment = TaskEnvironment.For(options, id, options.ResolvedSiloName);
            ColumnLiveness.Validate(pipeline, registry, checkedPipeline => PipelineValidator.Validate(
                checkedPipeline, TablePlan.Of(submission.Table ?? Table.Empty), registry, environment, options.ResolvedMemoryBudget));
            return (await accept(id, pipeline, submission), false);
        }
        catch (Exception e) when (e is RequestBodyTooLargeException or PipelineTooLargeException
            || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            await Drain(request);
            return (TooLarge(e is PipelineTooLargeException ? e.Message : RequestLimits.Describe(limit)), true);
        }
        catch (Exception e) when (e is PipelineFormatException or ArgumentException or FileFormatException)
        {
            await Drain(request);
            return (Results.BadRequest(FailureView.Body(e is PipelineFormatException format ? format.Error : TaskFailures.Of(e))), true);
        }
        finally
        {
            // This method's locals live on in its state machine until every continuation of it has run, which may
            // include sending the answer and the release after it: let go of the table explicitly.
            read.Value = null;
        }
    }

    private static async Task<Pipeline> Stored(IClusterClient cluster, string name) =>
        await cluster.GetGrain<INamedPipelineGrain>(name).Get() is { } json
            ? Pipeline.FromJson(json)
            : throw new PipelineFormatException($"no pipeline named '{name}'");

    /// <summary><c>application/json</c> or a <c>+json</c> type, with any parameters (<c>; charset=utf-8</c>).</summary>
    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult TooLarge(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// Reads what is left of a refused body and drops it, so a client still sending gets the answer rather than a reset
    /// connection; Kestrel stops it past <see cref="RequestLimits.DrainBytes"/>.
    /// </summary>
    private static async Task Drain(HttpRequest request)
    {
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted) > 0)
            {
                // drop it
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Over the drain limit or gone: the answer goes out all the same.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
