using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>
/// A job as the JSON API shows it to apps that are not .NET: whole from <c>GET /api/jobs/{id}</c>; in the list
/// (<see cref="Listed"/>) with its first <see cref="ListedStages"/> stages and their first as many tasks only, so the
/// list stays small whatever the pipelines hold; <c>stageCount</c> and each stage's <c>taskCount</c> say how many there are.
/// </summary>
public sealed record JobView(
    Guid Id,
    string Status,
    string? Pipeline,
    DateTimeOffset Submitted,
    DateTimeOffset? Finished,
    double Milliseconds,
    string? Error,
    FailureView? Failure,
    IReadOnlyList<StageView> Stages,
    int Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Plots,
    string? Result,
    IReadOnlyList<AttemptView> Attempts,
    string? WaitingFor,
    int StageCount)
{
    public const int ListedStages = 10;

    public static JobView Listed(JobRecord record) => Of(record, ListedStages);

    public static JobView Of(JobRecord record) => Of(record, int.MaxValue);

    private static JobView Of(JobRecord record, int stages) => new(
        record.Id,
        StatusWord(record.Status),
        record.PipelineName,
        record.Submitted,
        record.Finished,
        record.Milliseconds,
        record.Error,
        FailureView.Of(record.Failure),
        record.Stages.Take(stages).Select(s => StageView.Of(s, stages)).ToArray(),
        record.Rows,
        record.Columns,
        PlotLinks.Urls(record),
        record.ResultPath is null ? null : $"/api/jobs/{record.Id}/result.csv",
        record.AttemptLog.Select(a => new AttemptView(a.Number, a.Silo, a.Started)).ToArray(),
        record.WaitingFor,
        record.Stages.Count);

    /// <summary>running | completed | failed: a queued job counts as running.</summary>
    public static string StatusWord(JobStatus status) => status switch
    {
        JobStatus.Completed => "completed",
        JobStatus.Failed => "failed",
        _ => "running",
    };
}

public sealed record AttemptView(int Number, string Silo, DateTimeOffset Started);

public sealed record StageView(int Stage, string Silo, double Milliseconds, int Rows, IReadOnlyList<TaskView> Tasks, int TaskCount)
{
    public static StageView Of(StageTiming stage, int tasks) =>
        new(stage.Stage, stage.Silo, stage.Milliseconds, stage.Rows, stage.Tasks.Take(tasks).Select(TaskView.Of).ToArray(), stage.Tasks.Count);
}

public sealed record TaskView(string Task, double Milliseconds, int Rows, string Silo, IReadOnlyDictionary<string, string> Notes, IReadOnlyList<string> Files)
{
    public static TaskView Of(TaskTiming task) => new(
        task.Task, task.Milliseconds, task.Rows, task.Silo,
        task.Notes.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(n => n.Value))),
        task.Files);
}
