using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rtl.Data;
using Rtl.Formats;
using Rtl.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>
/// A durable job: its input file and record are written before <see cref="Submit"/> returns, the run
/// happens in the background, and the result table goes to a file in the data directory (never into a
/// database row). If the silo running it dies, the job index asks it to <see cref="Resume"/> elsewhere.
/// </summary>
public sealed class JobGrain(
    [PersistentState("job", StorageNames.Default)] IPersistentState<JobRecord> state,
    IOptions<RtlOptions> options,
    ILogger<JobGrain> log)
    : Grain, IJobGrain
{
    private bool running;

    /// <summary>Who watches this activation's run, if anyone (not persisted: a resumed run has no watcher).</summary>
    private IJobObserver? observer;

    private Guid Id => this.GetPrimaryKey();

    private string JobFiles => Path.Combine(options.Value.DataDir, "jobs");

    public Task<JobRecord> SubmitObserved(string pipelineJson, string? pipelineName, Table? input, IJobObserver observer)
    {
        this.observer ??= observer;
        return Submit(pipelineJson, pipelineName, input);
    }

    public async Task<JobRecord> Submit(string pipelineJson, string? pipelineName, Table? input)
    {
        if (state.RecordExists)
        {
            return state.State;
        }

        var pipeline = Pipeline.FromJson(pipelineJson);
        string? inputPath = null;
        if (input is not null)
        {
            inputPath = Path.Combine(JobFiles, $"{Id:N}.input.dat");
            Directory.CreateDirectory(JobFiles);
            TableFiles.Write(inputPath, input);
        }

        state.State = new JobRecord
        {
            Id = Id,
            Status = JobStatus.Queued,
            PipelineName = pipelineName,
            PipelineJson = pipeline.ToJson(),
            Submitted = DateTimeOffset.UtcNow,
            InputPath = inputPath,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJobIndexGrain>(0).Add(Id);
        Start(pipeline, input);
        return state.State;
    }

    public Task<JobRecord?> Get() => Task.FromResult(state.RecordExists ? state.State : null);

    public Task<Table?> Result()
    {
        var path = state.RecordExists ? state.State.ResultPath : null;
        return Task.FromResult(path is null ? null : TableFiles.Read(path));
    }

    public Task Resume()
    {
        if (!running && state.RecordExists && state.State.Status is JobStatus.Queued or JobStatus.Running)
        {
            log.LogInformation("Resuming job {Job} (attempt {Attempt})", Id, state.State.Attempts + 1);
            var input = state.State.InputPath is { } path ? TableFiles.Read(path) : null;
            Start(Pipeline.FromJson(state.State.PipelineJson), input);
        }

        return Task.CompletedTask;
    }

    private void Start(Pipeline pipeline, Table? input)
    {
        running = true;
        _ = RunInBackground(pipeline, input);
    }

    private async Task RunInBackground(Pipeline pipeline, Table? input)
    {
        try
        {
            // No request holds this activation while the job runs.
            DelayDeactivation(options.Value.JobTimeout);
            state.State = state.State with { Status = JobStatus.Running, Attempts = state.State.Attempts + 1 };
            await state.WriteStateAsync();
            JobResult result;
            try
            {
                result = await GrainFactory.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Id, pipeline, input, observer);
            }
            catch (Exception e) when (SiloLoss.Is(e))
            {
                log.LogWarning(e, "Job {Job} lost its silo; it will be resumed", Id);
                return;
            }
            catch (Exception e)
            {
                result = JobResult.Failed(Id, [], 0, e.Message);
            }

            await Finish(result);
        }
        catch (Exception e)
        {
            log.LogError(e, "Job {Job} could not record its outcome; it will be resumed", Id);
        }
        finally
        {
            running = false;
        }
    }

    private async Task Finish(JobResult result)
    {
        string? resultPath = null;
        if (result.Table is { } table)
        {
            resultPath = Path.Combine(options.Value.DataDir, "results", $"{Id:N}.dat");
            Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
            TableFiles.Write(resultPath, table);
        }

        state.State = state.State with
        {
            Status = result.Succeeded ? JobStatus.Completed : JobStatus.Failed,
            Finished = DateTimeOffset.UtcNow,
            Stages = result.Stages,
            Milliseconds = result.Milliseconds,
            Error = result.Error,
            ResultPath = resultPath,
            Rows = result.Table?.RowCount ?? 0,
            Columns = result.Table?.Names.ToArray() ?? [],
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJobIndexGrain>(0).Finished(Id);
    }
}
