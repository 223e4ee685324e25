using System.Globalization;
using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>One part of a task's cost: the argument it comes from, its bytes, and how they were counted.</summary>
public sealed record CostPart(string Argument, long Bytes, string Counted)
{
    public override string ToString() => Argument.Length == 0 ? Counted : $"{Argument}: {Counted}";
}

/// <summary>
/// What a task states before it runs (<see cref="IRtlTask.Cost"/>): at most how many rows its result has, and at
/// most how many bytes running it allocates — its result columns and its scratch — in parts that say which
/// argument each comes from, so a refusal can name it.
/// </summary>
public sealed record TaskCost(long Rows, IReadOnlyList<CostPart> Parts)
{
    /// <summary>A result of at most <paramref name="rows"/> rows that costs nothing yet.</summary>
    public static TaskCost Of(long rows) => new(rows, []);

    /// <summary>
    /// The bound assumed for a task that states none (a plugin): at most the incoming rows, every column of the
    /// planned result written afresh.
    /// </summary>
    public static TaskCost Unstated(TablePlan input, TableSchema output) =>
        Of(input.Rows).Plus("", input.Rows, "rows", new TablePlan(output, 1).RowBytes, "of every result column, as the task states no bound");

    public long Bytes => Parts.Aggregate(0L, (sum, part) => CostMath.Plus(sum, part.Bytes));

    /// <summary>The part that costs most: the argument a refusal names.</summary>
    public CostPart? Largest => Parts.Count == 0 ? null : Parts.MaxBy(p => p.Bytes);

    /// <summary><paramref name="count"/> things of <paramref name="bytesEach"/> bytes, e.g. <c>1,000,001 bin edges × 8 bytes</c>.</summary>
    public TaskCost Plus(string argument, long count, string things, long bytesEach, string? what = null) =>
        Plus(new CostPart(argument, CostMath.Times(count, bytesEach),
            string.Create(CultureInfo.InvariantCulture, $"{count:N0} {things} × {bytesEach:N0} bytes{(what is null ? "" : " " + what)}")));

    /// <summary>A fixed amount, e.g. a sort's counting table.</summary>
    public TaskCost PlusFixed(string argument, long bytes, string what) =>
        Plus(new CostPart(argument, bytes, string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes {what}")));

    public TaskCost Plus(CostPart part) => this with { Parts = [.. Parts, part] };

    public TaskCost WithRows(long rows) => this with { Rows = rows };

    /// <summary><c>80,000,024 bytes (operations[0].bins: 10,000,001 bin edges × 8 bytes; …)</c>, the largest parts first.</summary>
    public string Describe(int parts = 3)
    {
        var largest = Parts.OrderByDescending(p => p.Bytes).ToArray();
        var listed = string.Join("; ", largest.Take(parts));
        var more = largest.Length > parts ? $"; and {largest.Length - parts} more" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Bytes:N0} bytes{(listed.Length == 0 ? "" : $" ({listed}{more})")}");
    }
}
