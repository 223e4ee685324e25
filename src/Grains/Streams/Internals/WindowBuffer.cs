using Rtl.Data;
using Rtl.Streams;

namespace Rtl.Grains.Streams.Internals;

/// <summary>
/// The rows of a stream not yet in a window, in arrival order, at most <c>capacity</c> of them: when full, the
/// oldest are dropped and counted. A window is the first N rows as a table of the columns those rows have
/// (in order of first appearance; a key a row lacks is NaN).
/// </summary>
public sealed class WindowBuffer(int capacity)
{
    private readonly LinkedList<Segment> segments = new();

    /// <summary>Rows waiting.</summary>
    public int Count { get; private set; }

    /// <summary>When the first waiting row arrived; null when none waits.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>Rows that fit before the oldest would be dropped.</summary>
    public int Room => Math.Max(capacity - Count, 0);

    /// <summary>Adds the batch's rows; returns how many of the oldest rows had to be dropped to make room.</summary>
    public int Add(RowBatch batch, DateTimeOffset now) => Add(batch, 0, batch.RowCount, now);

    /// <summary>Adds <paramref name="count"/> of the batch's rows from <paramref name="start"/>; returns how many of the oldest rows had to be dropped.</summary>
    public int Add(RowBatch batch, int start, int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, batch.RowCount - start);
        if (count <= 0)
        {
            return 0;
        }

        segments.AddLast(new Segment(batch, start, start + count));
        Count += count;
        OpenedAt ??= now;
        var dropped = 0;
        while (Count > capacity)
        {
            var oldest = segments.First!.Value;
            var drop = Math.Min(oldest.Remaining, Count - capacity);
            oldest.Start += drop;
            Count -= drop;
            dropped += drop;
            if (oldest.Remaining == 0)
            {
                segments.RemoveFirst();
            }
        }

        return dropped;
    }

    /// <summary>Removes the first <paramref name="rows"/> rows (at most <see cref="Count"/>) as a table.</summary>
    public Table Take(int rows, DateTimeOffset now)
    {
        rows = Math.Min(rows, Count);
        var names = new List<string>();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var written = 0;
        while (written < rows)
        {
            var segment = segments.First!.Value;
            var take = Math.Min(segment.Remaining, rows - written);
            for (var c = 0; c < segment.Batch.Columns.Count; c++)
            {
                var name = segment.Batch.Columns[c];
                if (!columns.TryGetValue(name, out var column))
                {
                    column = new double[rows];
                    column.AsSpan(0, written).Fill(double.NaN); // rows before this key first appeared lack it
                    columns[name] = column;
                    names.Add(name);
                }

                segment.Batch.Values[c].AsSpan(segment.Start, take).CopyTo(column.AsSpan(written));
            }

            foreach (var name in names.Where(n => !segment.Batch.Columns.Contains(n)))
            {
                columns[name].AsSpan(written, take).Fill(double.NaN);
            }

            segment.Start += take;
            written += take;
            if (segment.Remaining == 0)
            {
                segments.RemoveFirst();
            }
        }

        Count -= rows;
        OpenedAt = Count > 0 ? now : null;
        return Table.Create(names.Select(n => new KeyValuePair<string, Column>(n, Column.Of(columns[n]))));
    }

    /// <summary>Forgets every waiting row.</summary>
    public void Clear()
    {
        segments.Clear();
        Count = 0;
        OpenedAt = null;
    }

    /// <summary>Rows [Start, End) of a batch; Start moves on as rows are taken or dropped.</summary>
    private sealed class Segment(RowBatch batch, int start, int end)
    {
        public RowBatch Batch { get; } = batch;

        public int Start { get; set; } = start;

        public int Remaining => end - Start;
    }
}
