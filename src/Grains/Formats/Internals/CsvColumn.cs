using Rtl.Data;

namespace Rtl.Grains.Formats.Internals;

/// <summary>Collects one column's values while a delimited file is parsed.</summary>
internal abstract class CsvColumn
{
    /// <summary>What a cell must look like, for error messages.</summary>
    public abstract string Expected { get; }

    /// <summary>Parses and appends one cell; false when it is not a value of this column's type.</summary>
    public abstract bool TryAdd(ReadOnlySpan<char> cell);

    public abstract Column ToColumn();

    /// <summary>A column of the given type, or one that infers <c>&lt;i8</c>/<c>&lt;f8</c> when <paramref name="type"/> is null.</summary>
    public static CsvColumn Create(DType? type) => type switch
    {
        null => new Inferred(),
        DType.I8 => new Typed<long, Int64Cell>(),
        DType.F8 => new Typed<double, DoubleCell>(),
        DType.I4 => new Typed<int, Int32Cell>(),
        DType.F4 => new Typed<float, SingleCell>(),
        DType.B1 => new Typed<bool, BoolCell>(),
        DType.U1 => new Typed<byte, ByteCell>(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    private interface ICell<T>
    {
        static abstract string Expected { get; }

        static abstract bool TryParse(ReadOnlySpan<char> text, out T value);
    }

    /// <summary>A growable array, trimmed to its length at the end.</summary>
    private struct Values<T>()
    {
        private T[] items = new T[256];

        public int Count { get; private set; }

        public readonly ReadOnlySpan<T> Span => items.AsSpan(0, Count);

        public void Add(T value)
        {
            if (Count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[Count++] = value;
        }

        public readonly void Set(int index, T value) => items[index] = value;

        public readonly T[] ToArray() => items.Length == Count ? items : items[..Count];
    }

    // The parser is a type argument so the JIT compiles one specialised loop per dtype.
    private sealed class Typed<T, TCell> : CsvColumn where T : unmanaged where TCell : ICell<T>
    {
        private Values<T> values = new();

        public override string Expected => TCell.Expected;

        public override bool TryAdd(ReadOnlySpan<char> cell)
        {
            if (!TCell.TryParse(cell, out var value))
            {
                return false;
            }

            values.Add(value);
            return true;
        }

        public override Column ToColumn() => new Column<T>(values.ToArray());
    }

    /// <summary>Integers until the first cell that is only a float, then floats (earlier integers widened).</summary>
    private sealed class Inferred : CsvColumn
    {
        private Values<long> integers = new();
        private Values<double> floats;
        private bool isFloat;

        // Rows whose integer was -0: widened, they must keep the sign double.Parse gives them.
        private List<int>? negativeZeros;

        public override string Expected => "a number";

        public override bool TryAdd(ReadOnlySpan<char> cell)
        {
            if (!isFloat)
            {
                if (CellNumbers.TryParse(cell, out long integer))
                {
                    if (integer == 0 && cell.TrimStart().StartsWith('-'))
                    {
                        (negativeZeros ??= []).Add(integers.Count);
                    }

                    integers.Add(integer);
                    return true;
                }

                if (!CellNumbers.TryParse(cell, out double first))
                {
                    return false;
                }

                SwitchToFloats();
                floats.Add(first);
                return true;
            }

            if (!CellNumbers.TryParse(cell, out double value))
            {
                return false;
            }

            floats.Add(value);
            return true;
        }

        // No values at all reads as <f8, numpy's default dtype.
        public override Column ToColumn() =>
            isFloat || integers.Count == 0 ? new Column<double>(floats.Count == 0 ? [] : floats.ToArray())
            : new Column<long>(integers.ToArray());

        private void SwitchToFloats()
        {
            floats = new Values<double>();
            foreach (var integer in integers.Span)
            {
                floats.Add(integer);
            }

            foreach (var row in negativeZeros ?? [])
            {
                floats.Set(row, -0.0);
            }

            integers = default;
            negativeZeros = null;
            isFloat = true;
        }
    }

    private readonly struct Int64Cell : ICell<long>
    {
        public static string Expected => "an integer (<i8)";

        public static bool TryParse(ReadOnlySpan<char> text, out long value) => CellNumbers.TryParse(text, out value);
    }

    private readonly struct DoubleCell : ICell<double>
    {
        public static string Expected => "a number (<f8)";

        public static bool TryParse(ReadOnlySpan<char> text, out double value) => CellNumbers.TryParse(text, out value);
    }

    private readonly struct Int32Cell : ICell<int>
    {
        public static string Expected => "a 32-bit integer (<i4)";

        public static bool TryParse(ReadOnlySpan<char> text, out int value) => CellNumbers.TryParse(text, out value);
    }

    private readonly struct SingleCell : ICell<float>
    {
        public static string Expected => "a number (<f4)";

        public static bool TryParse(ReadOnlySpan<char> text, out float value) => CellNumbers.TryParse(text, out value);
    }

    private readonly struct BoolCell : ICell<bool>
    {
        public static string Expected => "a boolean: True, False, 1 or 0 (|b1)";

        public static bool TryParse(ReadOnlySpan<char> text, out bool value) => CellNumbers.TryParse(text, out value);
    }

    private readonly struct ByteCell : ICell<byte>
    {
        public static string Expected => "an integer from 0 to 255 (|u1)";

        public static bool TryParse(ReadOnlySpan<char> text, out byte value) => CellNumbers.TryParse(text, out value);
    }
}
