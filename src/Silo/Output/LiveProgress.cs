using System.Globalization;
using Rtl.Client;
using Rtl.Tasks;
using Spectre.Console;

namespace Rtl.Silo.Output;

/// <summary>
/// On a terminal: a table of the job's stages and tasks that updates as they start and finish, with a
/// spinner on the running task. Piped output gets <see cref="ConsoleProgress"/>'s plain seed lines instead.
/// </summary>
public sealed class LiveProgress : JobProgress
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly object gate = new();
    private readonly List<Row> rows = [];
    private Guid job;
    private int frame;

    public override Task TaskStarted(Guid jobId, int stage, string task)
    {
        lock (gate)
        {
            job = jobId;
            rows.Add(new Row(stage, task));
        }

        return Task.CompletedTask;
    }

    public override Task TaskCompleted(Guid jobId, int stage, string task, double milliseconds, IReadOnlyList<TaskNote> notes)
    {
        lock (gate)
        {
            var row = rows.LastOrDefault(r => r.Stage == stage && r.Task == task && r.Milliseconds is null);
            if (row is not null)
            {
                row.Milliseconds = milliseconds;
                row.Notes = notes;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Shows the table while <paramref name="work"/> runs; leaves its last state on screen.</summary>
    public async Task<T> Show<T>(Func<Task<T>> work)
    {
        return await AnsiConsole.Live(Render(failed: false)).AutoClear(false).StartAsync(async context =>
        {
            var running = work();
            while (!running.IsCompleted)
            {
                context.UpdateTarget(Render(failed: false));
                await Task.WhenAny(running, Task.Delay(100));
            }

            context.UpdateTarget(Render(failed: !running.IsCompletedSuccessfully));
            return await running;
        });
    }

    private Spectre.Console.Table Render(bool failed)
    {
        lock (gate)
        {
            frame++;
            var table = new Table().Border(TableBorder.Rounded)
                .Title(job == Guid.Empty ? "[grey]starting…[/]" : $"job [bold]{job}[/]")
                .AddColumn("stage").AddColumn("task").AddColumn(new TableColumn("ms").RightAligned()).AddColumn("notes");
            foreach (var row in rows)
            {
                var state = row.Milliseconds is { } ms
                    ? $"[green]{ms.ToString("F2", CultureInfo.InvariantCulture)}[/]"
                    : failed ? "[red]failed[/]" : $"[yellow]{Spinner[frame % Spinner.Length]}[/]";
                var notes = string.Join("\n", row.Notes.Select(n => Markup.Escape($"{n.Key}: {n.Value}")));
                table.AddRow(row.Stage.ToString(CultureInfo.InvariantCulture), Markup.Escape(row.Task), state, $"[grey]{notes}[/]");
            }

            return table;
        }
    }

    private sealed class Row(int stage, string task)
    {
        public int Stage { get; } = stage;

        public string Task { get; } = task;

        public double? Milliseconds { get; set; }

        public IReadOnlyList<TaskNote> Notes { get; set; } = [];
    }
}
