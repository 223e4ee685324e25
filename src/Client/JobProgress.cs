using Rtl.Tasks;

namespace Rtl.Client;

/// <summary>
/// Receives a job's progress while it runs; override what you want to show. <see cref="RtlClient"/> calls these
/// in the order the tasks ran, one at a time, and every one of them before the run returns: keep them quick.
/// </summary>
public abstract class JobProgress
{
    public virtual Task TaskStarted(Guid jobId, int stage, string task) => Task.CompletedTask;

    public virtual Task TaskCompleted(Guid jobId, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes) =>
        Task.CompletedTask;
}
