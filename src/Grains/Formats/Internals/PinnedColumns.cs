using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Pins a group of existing columns for the duration of a callback. Columns expose only spans, so
/// each is pinned with <c>fixed</c> in a nested call; groups stay small to bound the stack depth.
/// </summary>
internal static unsafe class PinnedColumns
{
    public const int MaxGroup = 128;

    public delegate void Action(byte** columns);

    public static void With(IReadOnlyList<Column> columns, int first, int count, Action action)
    {
        if (count > MaxGroup)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"pin at most {MaxGroup} columns at once");
        }

        var pointers = stackalloc byte*[Math.Max(1, count)];
        Pin(columns, first, 0, count, pointers, action);
    }

    private static void Pin(IReadOnlyList<Column> columns, int first, int i, int count, byte** pointers, Action action)
    {
        if (i == count)
        {
            action(pointers);
            return;
        }

        fixed (byte* p = columns[first + i].Bytes)
        {
            pointers[i] = p;
            Pin(columns, first, i + 1, count, pointers, action);
        }
    }
}
