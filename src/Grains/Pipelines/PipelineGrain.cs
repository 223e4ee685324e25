using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Rtl.Grains.Validation;
using Rtl.Jobs;
using Rtl.Messaging;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Pipelines;

/// <summary>
/// Runs jobs: validates the whole pipeline against the input's schema, then hands the table from stage
/// to stage — whole on this silo, or split into chunks over the cluster when the stage allows it. A chunk
/// lost with its silo is run again elsewhere; any other failure ends the job with its stage and task.
/// </summary>
/// <remarks>
/// A reentrant local worker rather than one activation per job: a job's state lives in its call, and
/// activating and retiring two grains per job cost more than the whole of a small job.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed partial class PipelineGrain(
    TaskRegistry registry, IOptions<RtlOptions> options, IClusterMembershipService membership, ILocalSiloDetails silo, ILogger<PipelineGrain> log)
    : Grain, IPipelineGrain
{
    // Kept per activation: GetGrain resolves the interface's type name on every call.
    private ITaskKernelGrain? kernel;
    private string? here;

    private ITaskKernelGrain Kernel => kernel ??= GrainFactory.GetGrain<ITaskKernelGrain>(0);

    private string Here => here ??= silo.SiloAddress.ToString();

    public async Task<JobResult> RunNamed(Guid job, string name, Table? input, IJobObserver? observer)
    {
        var json = await GrainFactory.GetGrain<INamedPipelineGrain>(name).Get();
        if (json is null)
        {
            var known = await GrainFactory.GetGrain<IPipelineCatalogGrain>(0).List();
            return JobResult.Failed(job, [], 0, new RtlError(RtlErrorKind.Pipeline,
                $"no pipeline named '{name}' (stored: {(known.Count == 0 ? "none" : string.Join(", ", known))})"));
        }

        return await Run(job, Pipeline.FromJson(json), input, observer);
    }

    public Task<RtlError?> Check(Pipeline pipeline, TableSchema schema, long rows, long bytes)
    {
        try
        {
            var environment = TaskEnvironment.For(options.Value, Guid.NewGuid(), silo.Name);
            ColumnLiveness.Validate(pipeline, registry, checkedPipeline => PipelineValidator.ValidateFrom(
                checkedPipeline, 0, new TablePlan(schema, rows), registry, environment, options.Value.ResolvedMemoryBudget, held: bytes));
            return Task.FromResult<RtlError?>(null);
        }
        catch (PipelineFormatException e)
        {
            return Task.FromResult<RtlError?>(e.Error);
        }
    }

    /// <summary>
    /// Runs the pipeline narrowed to the columns its tasks read (<see cref="ColumnLiveness"/>). Should that be refused,
    /// or fail unforeseen, the job runs as written (tasks are pure: nothing a user could tell is repeated), and its
    /// error is the one reported when it is a mistake in the pipeline, as it names every column of the table.
    /// </summary>
    public async Task<JobResult> Run(Guid job, Pipeline pipeline, Table? input, IJobObserver? observer)
    {
        var narrowing = ColumnLiveness.Narrow(pipeline, registry);
        var narrowedInput = narrowing.Input(input);
        if (ReferenceEquals(narrowing.Pipeline, pipeline) && ReferenceEquals(narrowedInput, input))
        {
            return await RunAsWritten(job, pipeline, input, observer);
        }

        var narrowed = await RunAsWritten(job, narrowing.Pipeline, narrowedInput, observer);
        if (narrowed.Failure is not { } failure || !(ColumnLiveness.IsMistake(failure) || failure.Kind == RtlErrorKind.Internal))
        {
            return narrowed;
        }

        var whole = await RunAsWritten(job, pipeline, input, observer);
        if (whole.Failure is null)
        {
            // Only a task that reads a column its Uses leaves out gets here: say which job, so it can be found.
            LogNarrowingFailed(log, job, failure.ToString());
        }

        return whole.Failure is null || ColumnLiveness.IsMistake(whole.Failure) ? whole : narrowed;
    }

    private async Task<JobResult> RunAsWritten(Guid job, Pipeline pipeline, Table? input, IJobObserver? observer)
    {
        var clock = Stopwatch.StartNew();
        var stages = new List<StageTiming>();
        var table = input ?? Table.Empty;
        try
        {
            var environment = TaskEnvironment.For(options.Value, job, silo.Name);
            for (var stage = 0; stage < pipeline.Stages.Count; stage++)
            {
                // Unpinned stages are checked here up to the next pinned one; a pinned stage on its own silo.
                if (pipeline.Stages[stage].On is null && (stage == 0 || pipeline.Stages[stage - 1].On is not null))
                {
                    PipelineValidator.ValidateFrom(pipeline, stage, TablePlan.Of(table), registry, environment,
                        options.Value.ResolvedMemoryBudget, held: input?.ByteSize ?? 0);
                }

                var result = await RunStage(job, stage, pipeline.Stages[stage], table, StageProgress.Of(observer, pipeline, stage));
                stages.Add(result.Timing);
                if (result.Error is not null)
                {
                    return JobResult.Failed(job, stages, clock.Elapsed.TotalMilliseconds, result.Error);
                }

                table = result.Table!;
            }

            if (options.Value.Profile)
            {
                LogCompleted(log, job, clock.Elapsed.TotalMilliseconds);
            }

            return new JobResult(job, table, stages, clock.Elapsed.TotalMilliseconds, null);
        }
        catch (PinnedSiloUnavailableException)
        {
            // Not the job's fault: a durable job waits for the silo, a direct run reports it as it is.
            throw;
        }
        catch (PipelineFormatException e)
        {
            return JobResult.Failed(job, stages, clock.Elapsed.TotalMilliseconds, e.Error);
        }
        catch (Exception e)
        {
            LogFailed(log, e, job, stages.Count);
            return JobResult.Failed(job, stages, clock.Elapsed.TotalMilliseconds,
                new RtlError(RtlErrorKind.Internal, $"{e.GetType().Name}: {e.Message}", stages.Count));
        }
    }

    private Task<StageResult> RunStage(Guid job, int stage, StageDefinition definition, Table table, StageProgress? progress) =>
        definition.On is { } on ? RunPinned(job, stage, definition, table, progress, on)
        : ShouldChunk(definition, table) ? RunChunked(job, stage, definition, table, progress)
        // The stage runs here, yet its first kernel call on this silo may still ask the grain directory, whose partition
        // may sit on a silo that just died: until the cluster votes it out that call fails, and a retry then succeeds.
        : SiloLoss.Retry(_ => StageRunner.Run(Kernel, job, stage, definition, table, progress, Here));

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} completed in {Milliseconds:F2} ms")]
    private static partial void LogCompleted(ILogger log, Guid job, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} failed narrowed to the columns its tasks say they read ({Error}) and succeeded as written: a task reads a column its Uses leaves out")]
    private static partial void LogNarrowingFailed(ILogger log, Guid job, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} failed at stage {Stage}")]
    private static partial void LogFailed(ILogger log, Exception e, Guid job, int stage);
}
