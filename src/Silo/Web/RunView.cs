using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>A direct run's outcome as <c>POST /api/run</c> answers it: the fields of <see cref="JobView"/> a run has.</summary>
public sealed record RunView(
    Guid Id,
    string Status,
    double Milliseconds,
    IReadOnlyList<StageView> Stages,
    int StageCount,
    int Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Plots)
{
    public static RunView Of(JobResult result) => new(
        result.JobId,
        "completed",
        result.Milliseconds,
        result.Stages.Select(s => StageView.Of(s, int.MaxValue)).ToArray(),
        result.Stages.Count,
        result.Table?.RowCount ?? 0,
        result.Table?.Schema.Columns.Select(c => c.Name).ToArray() ?? [],
        result.Files.Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            .Select(f => $"/api/runs/{result.JobId}/plots/{Uri.EscapeDataString(Path.GetFileName(f))}").ToArray());
}
