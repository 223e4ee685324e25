using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rtl.Data;
using Rtl.Formats;
using Rtl.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>
/// A durable job: the record is written before <see cref="Submit"/> returns, the run happens in the
/// background, and the result table goes to a file in the data directory (never into a database row).
/// </summary>
public sealed class JobGrain(
    [PersistentState("job", StorageNames.Default)] IPersistentState<JobRecord> state,
    IOptions<RtlOptions> options,
    ILogger<JobGrain> log)
    : Grain, IJobGrain
{
    public async Task<JobRecord> Submit(string pipelineJson, string? pipelineName, Table? input)
    {
        if (state.RecordExists)
        {
            return state.State;
        }

        var pipeline = Pipeline.FromJson(pipelineJson);
        var id = this.GetPrimaryKey();
        state.State = new JobRecord
        {
            Id = id,
            Status = JobStatus.Queued,
            PipelineName = pipelineName,
            PipelineJson = pipeline.ToJson(),
            Submitted = DateTimeOffset.UtcNow,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJobIndexGrain>(0).Add(id);
        _ = RunInBackground(pipeline, input);
        return state.State;
    }

    public Task<JobRecord?> Get() => Task.FromResult(state.RecordExists ? state.State : null);

    public Task<Table?> Result()
    {
        var path = state.RecordExists ? state.State.ResultPath : null;
        return Task.FromResult(path is null ? null : TableFiles.Read(path));
    }

    private async Task RunInBackground(Pipeline pipeline, Table? input)
    {
        // Keep this activation while the job runs: no request holds it alive.
        DelayDeactivation(options.Value.JobTimeout);
        state.State = state.State with { Status = JobStatus.Running };
        await state.WriteStateAsync();
        JobResult result;
        try
        {
            result = await GrainFactory.GetGrain<IPipelineGrain>(this.GetPrimaryKey()).Run(pipeline, input, null);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Job {Job} could not run", this.GetPrimaryKey());
            result = JobResult.Failed(this.GetPrimaryKey(), [], 0, e.Message);
        }

        await Finish(result);
    }

    private async Task Finish(JobResult result)
    {
        string? resultPath = null;
        if (result.Table is { } table)
        {
            resultPath = Path.Combine(options.Value.DataDir, "results", $"{result.JobId:N}.dat");
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
    }
}
