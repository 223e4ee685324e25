using System.Globalization;
using Rtl.Client;
using Rtl.Tasks;

namespace Rtl.Silo.Output;

/// <summary>Prints the seed's progress lines as a job runs: <c>Running: 0 - &lt;job&gt;</c>, <c>Running: add</c>, <c>Completed: 0.18 ms add</c>.</summary>
public sealed class ConsoleProgress(TextWriter output) : JobProgress
{
    private readonly object gate = new();
    private int lastStage = -1;

    public override Task TaskStarted(Guid jobId, int stage, string task)
    {
        lock (gate)
        {
            if (stage != lastStage)
            {
                output.WriteLine($"Running: {stage} - {jobId}");
                lastStage = stage;
            }

            output.WriteLine($"Running: {task}");
        }

        return Task.CompletedTask;
    }

    public override Task TaskCompleted(Guid jobId, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes)
    {
        lock (gate)
        {
            foreach (var note in notes)
            {
                output.WriteLine(note.ToString());
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Completed: {milliseconds:F2} ms {task}"));
        }

        return Task.CompletedTask;
    }
}
