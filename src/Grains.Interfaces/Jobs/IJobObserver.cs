using Orleans.Concurrency;
using Rtl.Tasks;

namespace Rtl.Jobs;

/// <summary>Live progress of a job, pushed to whoever started it (the CLI prints the seed's lines from it).</summary>
/// <remarks>
/// One-way calls from whichever silos run the stages reach the observer in any order, and one may be lost:
/// each carries its <c>sequence</c>, its place in the job, so the receiver can put them back in order (see
/// <see cref="StageProgress"/> for the numbering).
/// </remarks>
public interface IJobObserver : IGrainObserver
{
    [OneWay]
    Task TaskStarted(Guid jobId, int sequence, int stage, string task);

    [OneWay]
    Task TaskCompleted(Guid jobId, int sequence, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes);
}
