using Rtl.Jobs;
using Rtl.Tasks;

namespace Rtl.Client;

/// <summary>
/// The observer a job reports to: puts the events, which arrive from several silos in any order, back in the order
/// their <see cref="StageProgress"/> numbers say and hands them to a <see cref="JobProgress"/> one at a time.
/// <see cref="Finish"/> waits for the rest and fills any that never came from the job's result, which holds every
/// task's timing and notes: a caller sees every line, in order, before the result.
/// </summary>
public sealed class OrderedProgress(JobProgress progress) : IJobObserver
{
    private readonly object gate = new();
    private readonly Dictionary<Guid, Pending> jobs = [];
    private TaskCompletionSource arrived = NewSignal();

    Task IJobObserver.TaskStarted(Guid jobId, int sequence, int stage, string task)
    {
        Arrive(jobId, sequence, () => progress.TaskStarted(jobId, stage, task));
        return Task.CompletedTask;
    }

    Task IJobObserver.TaskCompleted(Guid jobId, int sequence, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes)
    {
        Arrive(jobId, sequence, () => progress.TaskCompleted(jobId, stage, task, milliseconds, notes));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits up to <paramref name="within"/> for the events of <paramref name="result"/>'s job still on their way,
    /// then passes on the ones missing, made from the result's timings. Later arrivals are dropped.
    /// </summary>
    public async Task Finish(JobResult result, TimeSpan within, CancellationToken cancellationToken = default)
    {
        var tasks = result.Stages.SelectMany(s => s.Tasks.Select(t => (s.Stage, Timing: t))).ToArray();
        var expected = StageProgress.StartedEvent(tasks.Length);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (Of(result.JobId).Next >= expected)
                {
                    break;
                }

                signal = arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left, cancellationToken)) != signal)
            {
                cancellationToken.ThrowIfCancellationRequested();
                break;
            }
        }

        lock (gate)
        {
            var pending = Of(result.JobId);
            for (var sequence = pending.Next; sequence < expected; sequence++)
            {
                var (stage, timing) = tasks[sequence / 2];
                pending.Waiting.TryAdd(sequence, sequence % 2 == 0
                    ? () => progress.TaskStarted(result.JobId, stage, timing.Task)
                    : () => progress.TaskCompleted(result.JobId, stage, timing.Task, timing.Milliseconds, timing.Notes));
            }

            // A failed job's last event may be its failing task's start, which the result cannot tell: passed on if here.
            Deliver(pending);
            pending.Finished = true;
        }
    }

    private void Arrive(Guid job, int sequence, Func<Task> show)
    {
        lock (gate)
        {
            var pending = Of(job);
            if (pending.Finished || sequence < pending.Next)
            {
                return; // late, or sent again by a retried stage
            }

            pending.Waiting.TryAdd(sequence, show);
            Deliver(pending);
            arrived.TrySetResult();
            arrived = NewSignal();
        }
    }

    private static void Deliver(Pending pending)
    {
        while (pending.Waiting.Remove(pending.Next, out var show))
        {
            _ = show();
            pending.Next++;
        }
    }

    private Pending Of(Guid job)
    {
        if (!jobs.TryGetValue(job, out var pending))
        {
            jobs[job] = pending = new Pending();
        }

        return pending;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One job's events: the next to pass on, and those that came before it.</summary>
    private sealed class Pending
    {
        public int Next { get; set; }

        public Dictionary<int, Func<Task>> Waiting { get; } = [];

        public bool Finished { get; set; }
    }
}
