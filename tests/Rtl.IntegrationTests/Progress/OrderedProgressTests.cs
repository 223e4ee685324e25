using Rtl.Client;
using Rtl.Jobs;
using Rtl.Tasks;
using Xunit;

namespace Rtl.IntegrationTests.Progress;

/// <summary>How the client puts a job's progress events back in order and fills the ones that never came.</summary>
public sealed class OrderedProgressTests
{
    private static readonly Guid Job = Guid.NewGuid();

    /// <summary>Two stages: add and filter, then multiply; the result's timings say 9 ms each, the events 1 ms.</summary>
    private static readonly JobResult Result = new(Job, null,
    [
        new StageTiming(0, "silo-a", 20, 4, [Timing("add"), Timing("filter", new TaskNote("Filtered Results", "(3,)"))]),
        new StageTiming(1, "silo-b", 10, 3, [Timing("multiply")]),
    ], 30, null);

    [Fact]
    public async Task Events_arriving_in_reverse_are_passed_on_in_the_order_the_tasks_ran()
    {
        var seen = new Recorder();
        IJobObserver ordered = new OrderedProgress(seen);

        await ordered.TaskCompleted(Job, 5, 1, "multiply", 1, []);
        await ordered.TaskStarted(Job, 4, 1, "multiply");
        await ordered.TaskCompleted(Job, 3, 0, "filter", 1, [new TaskNote("Filtered Results", "(3,)")]);
        await ordered.TaskStarted(Job, 2, 0, "filter");
        Assert.Empty(seen.Lines); // nothing can be shown before the first task's start
        await ordered.TaskCompleted(Job, 1, 0, "add", 1, []);
        await ordered.TaskStarted(Job, 0, 0, "add");

        Assert.Equal(
            ["started 0 add", "completed 0 add 1", "started 0 filter", "completed 0 filter 1 (3,)", "started 1 multiply", "completed 1 multiply 1"],
            seen.Lines);
    }

    [Fact]
    public async Task An_event_that_never_comes_is_filled_from_the_result_in_its_place_and_a_late_one_is_dropped()
    {
        var seen = new Recorder();
        var ordered = new OrderedProgress(seen);
        IJobObserver observer = ordered;
        await observer.TaskStarted(Job, 0, 0, "add");
        await observer.TaskCompleted(Job, 1, 0, "add", 1, []);
        await observer.TaskStarted(Job, 2, 0, "filter");
        await observer.TaskStarted(Job, 4, 1, "multiply"); // the filter's completion (3) is lost

        await ordered.Finish(Result, TimeSpan.FromMilliseconds(50));
        await observer.TaskCompleted(Job, 3, 0, "filter", 1, []);

        Assert.Equal(
            ["started 0 add", "completed 0 add 1", "started 0 filter", "completed 0 filter 9 (3,)", "started 1 multiply", "completed 1 multiply 9"],
            seen.Lines);
    }

    [Fact]
    public async Task Finish_waits_for_the_events_still_on_their_way()
    {
        var seen = new Recorder();
        var ordered = new OrderedProgress(seen);
        IJobObserver observer = ordered;
        var sent = Task.Run(async () =>
        {
            await Task.Delay(200);
            string[] tasks = ["add", "filter", "multiply"];
            for (var task = 0; task < tasks.Length; task++)
            {
                await observer.TaskStarted(Job, 2 * task, task / 2, tasks[task]);
                await observer.TaskCompleted(Job, 2 * task + 1, task / 2, tasks[task], 1, []);
            }
        });

        await ordered.Finish(Result, TimeSpan.FromSeconds(10));
        await sent;

        Assert.Equal(
            ["started 0 add", "completed 0 add 1", "started 0 filter", "completed 0 filter 1", "started 1 multiply", "completed 1 multiply 1"],
            seen.Lines);
    }

    private static TaskTiming Timing(string task, params TaskNote[] notes) => new(task, 9, 3, notes, [], "silo");

    private sealed class Recorder : JobProgress
    {
        public List<string> Lines { get; } = [];

        public override Task TaskStarted(Guid jobId, int stage, string task)
        {
            Lines.Add($"started {stage} {task}");
            return Task.CompletedTask;
        }

        public override Task TaskCompleted(Guid jobId, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes)
        {
            Lines.Add($"completed {stage} {task} {milliseconds}{string.Concat(notes.Select(n => " " + n.Value))}");
            return Task.CompletedTask;
        }
    }
}
