using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>
/// A whole-table task that a chunked stage may end in: each chunk states partial aggregates of its rows
/// (<see cref="Partial"/>) and <see cref="Combine"/> joins them, in row order, into what <see cref="IRtlTask.Run"/>
/// returns on the whole table (<c>group_by</c>, <c>average</c>).
/// </summary>
public interface ITwoPhaseTask : IRtlTask
{
    /// <summary>True when the result keeps the table's rows (<c>average</c>): chunks then send their rows back too.</summary>
    bool KeepsRows { get; }

    /// <summary>The partial aggregates of one chunk whose first row is row <paramref name="firstRow"/> of the whole table.</summary>
    Table Partial(TaskArgs args, Table chunk, long firstRow, ITaskEnvironment environment);

    /// <summary>
    /// The result over the whole table from the chunks' partials in row order. <paramref name="rows"/> is the chunks'
    /// rows joined when <see cref="KeepsRows"/>, else none of them — but always the columns the task was given.
    /// </summary>
    TaskOutput Combine(TaskArgs args, Table rows, IReadOnlyList<Table> partials, ITaskEnvironment environment);
}
