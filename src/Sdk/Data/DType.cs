namespace Rtl.Data;

/// <summary>Element type of a column, named after numpy's dtype codes (the seed's vocabulary).</summary>
public enum DType : byte
{
    /// <summary><c>&lt;i8</c>: 64-bit signed integer.</summary>
    I8 = 1,
    /// <summary><c>&lt;f8</c>: 64-bit float.</summary>
    F8 = 2,
    /// <summary><c>&lt;i4</c>: 32-bit signed integer.</summary>
    I4 = 3,
    /// <summary><c>&lt;f4</c>: 32-bit float.</summary>
    F4 = 4,
    /// <summary><c>|b1</c>: boolean, one byte.</summary>
    B1 = 5,
    /// <summary><c>|u1</c>: unsigned byte.</summary>
    U1 = 6,
}

/// <summary>Numpy codes, sizes and element types of <see cref="DType"/>.</summary>
public static class DTypes
{
    public static string Code(this DType type) => type switch
    {
        DType.I8 => "<i8",
        DType.F8 => "<f8",
        DType.I4 => "<i4",
        DType.F4 => "<f4",
        DType.B1 => "|b1",
        DType.U1 => "|u1",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    public static int Size(this DType type) => type switch
    {
        DType.I8 or DType.F8 => 8,
        DType.I4 or DType.F4 => 4,
        DType.B1 or DType.U1 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dtype"),
    };

    /// <summary>Parses a numpy dtype code; accepts the byte-order-free spellings numpy also prints.</summary>
    public static bool TryParse(string code, out DType type)
    {
        type = code switch
        {
            "<i8" or "i8" or "int64" => DType.I8,
            "<f8" or "f8" or "float64" => DType.F8,
            "<i4" or "i4" or "int32" => DType.I4,
            "<f4" or "f4" or "float32" => DType.F4,
            "|b1" or "b1" or "?" or "bool" => DType.B1,
            "|u1" or "u1" or "uint8" => DType.U1,
            _ => 0,
        };
        return type != 0;
    }

    public static DType Parse(string code) =>
        TryParse(code, out var type)
            ? type
            : throw new FormatException($"unsupported dtype '{code}' (supported: <i8, <f8, <i4, <f4, |b1, |u1)");

    public static DType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(long) ? DType.I8
        : typeof(T) == typeof(double) ? DType.F8
        : typeof(T) == typeof(int) ? DType.I4
        : typeof(T) == typeof(float) ? DType.F4
        : typeof(T) == typeof(bool) ? DType.B1
        : typeof(T) == typeof(byte) ? DType.U1
        : throw new NotSupportedException($"no dtype for {typeof(T).Name}");
}
