using Microsoft.Extensions.Logging;
using Rtl.Data;
using Rtl.Grains.Storage;
using Rtl.Jobs;
using Rtl.Messaging;
using Rtl.Pipelines;

namespace Rtl.Grains.Jobs;

public sealed partial class JobGrain
{
    private static readonly TimeSpan PinnedSiloRetry = TimeSpan.FromSeconds(2);

    /// <summary>Runs the job in the background; <paramref name="given"/> is the submitted input, null to read it from the store.</summary>
    private void Start(Pipeline pipeline, Table? given)
    {
        running = true;
        _ = RunInBackground(pipeline, given);
    }

    private async Task RunInBackground(Pipeline pipeline, Table? given)
    {
        try
        {
            // No request holds this activation while the job runs.
            DelayDeactivation(options.Value.JobTimeout);

            // Recorded before anything of the run happens, so a run that takes the silo down still counts against
            // JobMaxAttempts: Resume gives up on a job whose every attempt ended that way.
            var attempt = state.State.Attempts + 1;
            await Save(state.State with
            {
                Status = JobStatus.Running,
                Attempts = attempt,
                // An array: grain storage writes the record as JSON with its types, and a collection expression's
                // compiler-made list type could not be read back.
                AttemptLog = state.State.AttemptLog.Append(new JobAttempt(attempt, SiloName, DateTimeOffset.UtcNow)).ToArray(),
            });
            var input = given;
            if (input is null && state.State.InputPath is { } inputName && (input = await JobTables.ReadAsync(store, Id, inputName)) is null)
            {
                await Finish(JobResult.Failed(Id, [], 0,
                    new RtlError(RtlErrorKind.Cluster, $"its input '{inputName}' is no longer in the job store ({store.Describe()})")));
                return;
            }

            JobResult? result = null;
            while (result is null)
            {
                try
                {
                    // A refused call was not run: it was addressed to a silo that just died and is not voted out yet.
                    // Sent again here rather than counted as an attempt the job lost: a few quick resumes would use them up.
                    result = await SiloLoss.Retry(_ => GrainFactory.GetGrain<IPipelineGrain>(IPipelineGrain.Local).Run(Id, pipeline, input, observer),
                        retryOn: e => e is OrleansMessageRejectionException);
                }
                catch (PinnedSiloUnavailableException e)
                {
                    result = await WaitForPinnedSilo(e);
                }
                catch (Exception e) when (SiloLoss.Is(e))
                {
                    LogLostSilo(log, e, Id);
                    return;
                }
                catch (Exception e)
                {
                    result = JobResult.Failed(Id, [], 0, e is PipelineFormatException format ? format.Error : new RtlError(RtlErrorKind.Internal, e.Message));
                }
            }

            await Finish(result);
        }
        catch (Exception e)
        {
            LogOutcomeNotRecorded(log, e, Id);
        }
        finally
        {
            running = false;
        }
    }

    /// <summary>
    /// A stage's silo is not in the cluster: record what the job waits for and try again shortly, until
    /// <c>JobTimeout</c> after submission; then the job fails saying so. Null means "try again now".
    /// </summary>
    private async Task<JobResult?> WaitForPinnedSilo(PinnedSiloUnavailableException error)
    {
        var timeout = options.Value.JobTimeout;
        if (DateTimeOffset.UtcNow - state.State.Submitted >= timeout)
        {
            return JobResult.Failed(Id, [], 0, new RtlError(RtlErrorKind.Cluster, $"{error.Message}; gave up after waiting {timeout} (JobTimeout)"));
        }

        var waiting = $"silo '{error.On}' (stage {error.Stage}): {error.Message}";
        if (state.State.WaitingFor != waiting)
        {
            LogWaitingForSilo(log, Id, error.On, error.Stage);
            await Save(state.State with { WaitingFor = waiting });
        }

        await Task.Delay(PinnedSiloRetry);
        return null;
    }

    /// <summary>
    /// Stores the result and the plots, records the outcome, then drops the input. In that order: a silo killed
    /// between dropping the input and recording the outcome left a running record whose resume found no input; killed
    /// between recording and dropping, it leaves an input blob that retention removes with the job.
    /// </summary>
    private async Task Finish(JobResult result)
    {
        var resultStored = result.Table is { } table && await JobTables.WriteAsync(store, Id, BlobNames.Result, table);
        await StorePlots(result);
        var input = state.State.InputPath;
        await Save(state.State with
        {
            Status = result.Succeeded ? JobStatus.Completed : JobStatus.Failed,
            Finished = DateTimeOffset.UtcNow,
            Stages = result.Stages,
            Milliseconds = result.Milliseconds,
            Error = result.Error,
            Failure = result.Failure,
            ResultPath = resultStored ? BlobNames.Result : null,
            Rows = result.Table?.RowCount ?? 0,
            Columns = result.Table?.Names.ToArray() ?? [],
            InputPath = null,
            WaitingFor = null,
        });
        if (input is not null && !Path.IsPathRooted(input))
        {
            await store.DeleteAsync(Id, input);
        }

        await GrainFactory.GetGrain<IJobIndexGrain>(0).Finished(Id);
    }

    /// <summary>
    /// The plots were drawn on this silo (a plot stage runs whole, where the job runs); copy each into the store
    /// so every silo serves it.
    /// </summary>
    private async Task StorePlots(JobResult result)
    {
        foreach (var file in result.Stages.SelectMany(s => s.Tasks).SelectMany(t => t.Files)
                     .Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
        {
            if (!File.Exists(file))
            {
                LogPlotNotOnDisk(log, Id, file);
                continue;
            }

            await Task.Run(() => store.WriteAsync(Id, BlobNames.Plot(file), stream =>
            {
                using var png = File.OpenRead(file);
                png.CopyTo(stream);
            }));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} lost its silo; it will be resumed")]
    private static partial void LogLostSilo(ILogger log, Exception e, Guid job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} could not record its outcome; it will be resumed")]
    private static partial void LogOutcomeNotRecorded(ILogger log, Exception e, Guid job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} waits for silo '{Silo}' (stage {Stage})")]
    private static partial void LogWaitingForSilo(ILogger log, Guid job, string silo, int stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: plot {File} is not on this silo's disk, so no other silo can serve it")]
    private static partial void LogPlotNotOnDisk(ILogger log, Guid job, string file);
}
