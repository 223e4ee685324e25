using Orleans.Concurrency;
using Rtl.Tasks;

namespace Rtl.Jobs;

/// <summary>Live progress of a job, pushed to whoever started it (the CLI prints the seed's lines from it).</summary>
public interface IJobObserver : IGrainObserver
{
    [OneWay]
    Task TaskStarted(Guid jobId, int stage, string task);

    [OneWay]
    Task TaskCompleted(Guid jobId, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes);
}
