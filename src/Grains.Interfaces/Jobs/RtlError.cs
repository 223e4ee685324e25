namespace Rtl.Jobs;

/// <summary>
/// What stopped a job or refused a pipeline, and where: the one error record the stage, the job, the CLI, the web API
/// and the client SDK all carry. <see cref="ToString"/> is the sentence they print
/// (<c>stage 0, task 'add', operations[0].b: column 'x' not found</c>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RtlError(
    [property: Id(0)] RtlErrorKind Kind,
    [property: Id(1)] string Message,
    [property: Id(2)] int? Stage = null,
    [property: Id(3)] string? Task = null,
    [property: Id(4)] string? Argument = null)
{
    public override string ToString()
    {
        var where = Stage is null ? null : Task is null ? $"stage {Stage}" : $"stage {Stage}, task '{Task}'";
        return (where, Argument) switch
        {
            (null, null) => Message,
            (null, _) => $"{Argument}: {Message}",
            (_, null) => $"{where}: {Message}",
            _ => $"{where}, {Argument}: {Message}",
        };
    }
}

/// <summary>What kind of fault an <see cref="RtlError"/> is, so a caller can act on it without reading its words.</summary>
public enum RtlErrorKind
{
    /// <summary>The pipeline or the request cannot be read: malformed JSON, an unknown task, a missing part.</summary>
    Pipeline,

    /// <summary>A task's arguments do not fit the task or the table: a missing column, a wrong type.</summary>
    Argument,

    /// <summary>A file or table the job reads is missing, unreadable or malformed.</summary>
    Input,

    /// <summary>The table's values do not suit a task as it runs (the plan could not know them).</summary>
    Data,

    /// <summary>Over a limit: the memory budget, the largest table, the largest request.</summary>
    Limit,

    /// <summary>The cluster could not run it: a pinned silo gone, the job's input lost from the store.</summary>
    Cluster,

    /// <summary>A task failed in a way nobody foresaw; the message names the exception.</summary>
    Internal,
}
