using Rtl.Tasks;

namespace Rtl.Jobs;

/// <summary>
/// Where a stage reports its tasks' progress: the job's observer, and how many tasks the job's earlier stages
/// hold, so each event carries its place in the whole job. The job's n-th task (from 0) starts as event 2n and
/// completes as event 2n + 1: a job of n tasks that succeeds sends exactly 2n events, numbered 0 to 2n - 1.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StageProgress([property: Id(0)] IJobObserver Observer, [property: Id(1)] int TasksBefore)
{
    public static int StartedEvent(int taskInJob) => 2 * taskInJob;

    public static int CompletedEvent(int taskInJob) => 2 * taskInJob + 1;

    /// <summary>The progress of <paramref name="pipeline"/>'s stage <paramref name="stage"/>, or none without an observer.</summary>
    public static StageProgress? Of(IJobObserver? observer, Pipelines.Pipeline pipeline, int stage) =>
        observer is null ? null : new StageProgress(observer, pipeline.Stages.Take(stage).Sum(s => s.Tasks.Count));

    /// <summary>Task <paramref name="task"/> of the stage (from 0) started. One-way: nothing to wait for.</summary>
    public void Started(Guid job, int stage, int task, string name) =>
        _ = Observer.TaskStarted(job, StartedEvent(TasksBefore + task), stage, name);

    public void Completed(Guid job, int stage, int task, string name, double milliseconds, IReadOnlyList<TaskNote> notes) =>
        _ = Observer.TaskCompleted(job, CompletedEvent(TasksBefore + task), stage, name, milliseconds, notes);
}
