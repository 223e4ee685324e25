namespace Rtl.Tasks;

/// <summary>
/// Which of the incoming table's columns a task's result depends on (<see cref="IRtlTask.Uses"/>): what lets a
/// pipeline open only the columns its tasks read. Names may include columns the task's own earlier operations
/// write; they are simply not found upstream.
/// </summary>
public sealed record ColumnUse(IReadOnlySet<string> Reads, bool KeepsOthers)
{
    /// <summary>The result is the incoming table (its rows perhaps filtered or reordered) with columns added: it reads these and passes every other column through.</summary>
    public static ColumnUse PassesThrough(IEnumerable<string> reads) => new(new HashSet<string>(reads, StringComparer.Ordinal), KeepsOthers: true);

    /// <summary>The result is a new table built from these columns alone (<c>group_by</c>), or from none (<c>open</c>).</summary>
    public static ColumnUse Replaces(IEnumerable<string> reads) => new(new HashSet<string>(reads, StringComparer.Ordinal), KeepsOthers: false);
}
