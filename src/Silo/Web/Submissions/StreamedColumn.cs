using System.Runtime.InteropServices;
using Rtl.Data;

namespace Rtl.Silo.Web.Submissions;

/// <summary>
/// One column of a posted table, filled value by value as the body streams past: <c>&lt;i8</c> while every value is
/// an integer (kept exact), <c>&lt;f8</c> from the first that is not (as the CSV reader decides). Values go into
/// fixed-size blocks, so a growing column never holds two copies of itself; only <see cref="ToColumn"/> makes the
/// one array the column is. Once the table is over its limit the values are dropped and only counted, so the
/// refusal can say how big the table was.
/// </summary>
internal sealed class StreamedColumn(string name)
{
    private const int BlockValues = 1 << 17; // 1 MiB of values

    /// <summary>The values as 64-bit words: the integers themselves, or the doubles' bits once <see cref="integers"/> is false.</summary>
    private readonly List<long[]> blocks = [];
    private bool integers = true;
    private bool counting;

    public string Name { get; } = name;

    public int Count { get; private set; }

    public void Add(long value)
    {
        if (integers)
        {
            Store(value);
        }
        else
        {
            Add((double)value);
        }
    }

    public void Add(double value)
    {
        if (integers)
        {
            ToDoubles();
        }

        Store(BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Drops the values kept so far; from now on values are only counted.</summary>
    public void OnlyCount()
    {
        counting = true;
        blocks.Clear();
    }

    public Column ToColumn()
    {
        if (integers)
        {
            var values = GC.AllocateUninitializedArray<long>(Count);
            CopyTo(values);
            return Column.Of(values);
        }
        else
        {
            var values = GC.AllocateUninitializedArray<double>(Count);
            CopyTo(MemoryMarshal.Cast<double, long>(values.AsSpan()));
            return Column.Of(values);
        }
    }

    private void CopyTo(Span<long> words)
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            var start = b * BlockValues;
            blocks[b].AsSpan(0, Math.Min(BlockValues, Count - start)).CopyTo(words[start..]);
        }

        blocks.Clear();
    }

    private void Store(long word)
    {
        if (!counting)
        {
            var slot = Count % BlockValues;
            if (slot == 0)
            {
                blocks.Add(new long[Count == 0 ? 16 : BlockValues]);
            }
            else if (slot == blocks[^1].Length)
            {
                var grown = blocks[^1];
                Array.Resize(ref grown, Math.Min(BlockValues, grown.Length * 8));
                blocks[^1] = grown;
            }

            blocks[^1][slot] = word;
        }

        Count++;
    }

    private void ToDoubles()
    {
        integers = false;
        foreach (var block in blocks)
        {
            for (var i = 0; i < block.Length; i++)
            {
                block[i] = BitConverter.DoubleToInt64Bits(block[i]);
            }
        }
    }
}
