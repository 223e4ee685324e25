using Rtl.Jobs;
using Rtl.Tasks;

namespace Rtl.Client;

/// <summary>Receives a job's progress while it runs; override what you want to show.</summary>
public abstract class JobProgress : IJobObserver
{
    public virtual Task TaskStarted(Guid jobId, int stage, string task) => Task.CompletedTask;

    public virtual Task TaskCompleted(Guid jobId, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes) =>
        Task.CompletedTask;
}
