using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rtl.Data;
using Rtl.Grains.Hosting;
using Rtl.Grains.Storage;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Grains.Jobs;

/// <summary>
/// A durable job: its input and record are stored before <see cref="Submit"/> returns, the run happens in the
/// background, and the result and plots go to the cluster's job store, which every silo reaches. If the silo
/// running it dies, the job index asks it to <see cref="Resume"/>, and Orleans activates it on a living silo.
/// </summary>
public sealed partial class JobGrain(
    [PersistentState("job", StorageNames.Default)] IPersistentState<JobRecord> state,
    IJobStore store,
    ILocalSiloDetails silo,
    IOptions<RtlOptions> options,
    ILogger<JobGrain> log)
    : Grain, IJobGrain
{
    private bool running;

    /// <summary>
    /// The record as last stored, which is what <see cref="Get"/> shows: a record a caller reads is one a silo that
    /// dies a moment later has kept (an attempt seen started was counted).
    /// </summary>
    private JobRecord? stored;

    /// <summary>Who watches this activation's run, if anyone (not persisted: a resumed run has no watcher).</summary>
    private IJobObserver? observer;

    private Guid Id => this.GetPrimaryKey();

    /// <summary>This silo as a job's record names it: its name and address.</summary>
    private string SiloName => $"{silo.Name} ({silo.SiloAddress.Endpoint})";

    public Task<JobRecord> SubmitObserved(string pipelineJson, string? pipelineName, Table? input, IJobObserver observer)
    {
        this.observer ??= observer;
        return Submit(pipelineJson, pipelineName, input);
    }

    public async Task<JobRecord> Submit(string pipelineJson, string? pipelineName, Table? input)
    {
        if (state.RecordExists)
        {
            // A submission sent again (its first reply lost with a silo) may find the record written but the job
            // not yet indexed or started: finish what the first one began.
            if (state.State.Status is JobStatus.Queued && !running)
            {
                await GrainFactory.GetGrain<IJobIndexGrain>(0).Add(Id);
                await Resume();
            }

            return state.State;
        }

        var pipeline = Pipeline.FromJson(pipelineJson);
        var inputStored = input is not null && await JobTables.WriteAsync(store, Id, BlobNames.Input, input);
        if (!inputStored)
        {
            await store.TouchAsync(Id);
        }

        await Save(new JobRecord
        {
            Id = Id,
            Status = JobStatus.Queued,
            PipelineName = pipelineName,
            PipelineJson = pipeline.ToJson(),
            Submitted = DateTimeOffset.UtcNow,
            InputPath = inputStored ? BlobNames.Input : null,
        });
        await GrainFactory.GetGrain<IJobIndexGrain>(0).Add(Id);
        Start(pipeline, input);
        return state.State;
    }

    public Task<JobRecord?> Get() => Task.FromResult(state.RecordExists ? stored ?? state.State : null);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stored = state.RecordExists ? state.State : null;
        return Task.CompletedTask;
    }

    private async Task Save(JobRecord record)
    {
        state.State = record;
        await state.WriteStateAsync();
        stored = record;
    }

    public async Task<Table?> Result() => state.RecordExists ? await JobTables.ReadResultAsync(store, state.State) : null;

    public async Task Resume()
    {
        if (running || !state.RecordExists)
        {
            return;
        }

        if (state.State.Status is not (JobStatus.Queued or JobStatus.Running))
        {
            // Finished, but the index did not hear of it (its silo died at that moment): tell it again.
            await GrainFactory.GetGrain<IJobIndexGrain>(0).Finished(Id);
            return;
        }

        // Held while the input is read, so a second Resume meanwhile does not start the job twice.
        running = true;
        var started = false;
        try
        {
            var last = state.State.AttemptLog is [.., var newest] ? newest : null;
            if (state.State.Attempts >= options.Value.JobMaxAttempts)
            {
                // Every attempt is recorded before it runs and ends with an outcome unless its run was lost: a job still
                // unfinished after all of them took its silo down (or lost it) each time, and must not come back again.
                await Finish(JobResult.Failed(Id, [], 0, new RtlError(RtlErrorKind.Cluster,
                    $"gave up after {state.State.Attempts} attempts (JobMaxAttempts {options.Value.JobMaxAttempts}): the silo running it " +
                    $"was lost during each, the last time {last?.Silo ?? "an unknown silo"}; a job that takes its silo down is not started again")));
                return;
            }

            LogResuming(Id, state.State.Attempts + 1, SiloName, last?.Silo ?? "-");

            // The input is read from the store by the run, after its attempt is recorded: a huge input counts too.
            Start(Pipeline.FromJson(state.State.PipelineJson), null);
            started = true;
        }
        finally
        {
            // A started run clears the flag itself when it ends.
            running &= started;
        }
    }

    public async Task Forget()
    {
        if (running)
        {
            return;
        }

        await state.ClearStateAsync();
        stored = null;
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming job {Job} on {Silo} (attempt {Attempt}; the last ran on {Last})")]
    private partial void LogResuming(Guid job, int attempt, string silo, string last);
}
