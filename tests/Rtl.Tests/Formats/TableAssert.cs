using Rtl.Data;
using Xunit;

namespace Rtl.Tests.Formats;

internal static class TableAssert
{
    /// <summary>Same names, dtypes and bytes (so NaN equals NaN and -0.0 differs from 0.0).</summary>
    public static void Identical(Table expected, Table actual)
    {
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.Schema.ToString(), actual.Schema.ToString());
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var c = 0; c < expected.ColumnCount; c++)
        {
            Assert.True(expected[c].Bytes.SequenceEqual(actual[c].Bytes), $"column '{expected.Names[c]}' differs");
        }
    }

    /// <summary>A file the seed wrote, copied from seed-reference/files into the test output.</summary>
    public static string GoldenFile(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", "files", name);

    /// <summary>The seed's example table: rows (1, 0.5), (2, 1.5), (3, -2.25) of [('a', '&lt;i8'), ('b', '&lt;f8')].</summary>
    public static Table Golden() => Table.Create(("a", Column.Of(1L, 2, 3)), ("b", Column.Of(0.5, 1.5, -2.25)));

    /// <summary>One column of every dtype, with their extreme values.</summary>
    public static Table EveryDType() => Table.Create(
        ("i8", Column.Of(long.MinValue, -1, 0, long.MaxValue)),
        ("f8", Column.Of(double.Epsilon, -0.0, 1e308, Math.PI)),
        ("i4", Column.Of(new[] { int.MinValue, -7, 0, int.MaxValue })),
        ("f4", Column.Of(new[] { float.MinValue, 0.1f, -3.5f, float.Epsilon })),
        ("b1", Column.Of(new[] { true, false, false, true })),
        ("u1", Column.Of(new byte[] { 0, 1, 128, 255 })));
}
