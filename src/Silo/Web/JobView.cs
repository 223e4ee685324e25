using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>A job as the JSON API shows it to apps that are not .NET.</summary>
public sealed record JobView(
    Guid Id,
    string Status,
    string? Pipeline,
    DateTimeOffset Submitted,
    DateTimeOffset? Finished,
    double Milliseconds,
    string? Error,
    IReadOnlyList<StageView> Stages,
    int Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Plots,
    string? Result,
    IReadOnlyList<AttemptView> Attempts,
    string? WaitingFor)
{
    public static JobView Of(JobRecord record) => new(
        record.Id,
        StatusWord(record.Status),
        record.PipelineName,
        record.Submitted,
        record.Finished,
        record.Milliseconds,
        record.Error,
        record.Stages.Select(StageView.Of).ToArray(),
        record.Rows,
        record.Columns,
        PlotLinks.Urls(record),
        record.ResultPath is null ? null : $"/api/jobs/{record.Id}/result.csv",
        record.AttemptLog.Select(a => new AttemptView(a.Number, a.Silo, a.Started)).ToArray(),
        record.WaitingFor);

    /// <summary>running | completed | failed: a queued job counts as running.</summary>
    public static string StatusWord(JobStatus status) => status switch
    {
        JobStatus.Completed => "completed",
        JobStatus.Failed => "failed",
        _ => "running",
    };
}

public sealed record AttemptView(int Number, string Silo, DateTimeOffset Started);

public sealed record StageView(int Stage, string Silo, double Milliseconds, int Rows, IReadOnlyList<TaskView> Tasks)
{
    public static StageView Of(StageTiming stage) =>
        new(stage.Stage, stage.Silo, stage.Milliseconds, stage.Rows, stage.Tasks.Select(TaskView.Of).ToArray());
}

public sealed record TaskView(string Task, double Milliseconds, int Rows, string Silo, IReadOnlyDictionary<string, string> Notes, IReadOnlyList<string> Files)
{
    public static TaskView Of(TaskTiming task) => new(
        task.Task, task.Milliseconds, task.Rows, task.Silo,
        task.Notes.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(n => n.Value))),
        task.Files);
}
