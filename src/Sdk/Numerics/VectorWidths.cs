using System.Runtime.Intrinsics;

namespace Rtl.Numerics;

/// <summary>The vector widths the hand-written kernels have a path for.</summary>
public enum VectorWidth
{
    Scalar = 0,
    Bits128 = 128,
    Bits256 = 256,
}

/// <summary>
/// Which width the hand-written kernels use: the widest this CPU accelerates, as TensorPrimitives chooses
/// (256-bit AVX2 on most x64, 128-bit NEON on a Pi), unless <c>RTL_VECTOR_WIDTH</c> (scalar, 128 or 256)
/// forces one, so a path can be measured or ruled out on one machine.
/// </summary>
public static class VectorWidths
{
    public const string Variable = "RTL_VECTOR_WIDTH";

    private static readonly string? Forced = Environment.GetEnvironmentVariable(Variable);

    public static VectorWidth Widest =>
        Vector256.IsHardwareAccelerated ? VectorWidth.Bits256
        : Vector128.IsHardwareAccelerated ? VectorWidth.Bits128
        : VectorWidth.Scalar;

    public static VectorWidth Chosen { get; } = Parse(Forced) ?? Widest;

    /// <summary><c>scalar</c>, <c>128</c> or <c>256</c>; null for anything else (the widest is used then).</summary>
    public static VectorWidth? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "scalar" or "0" => VectorWidth.Scalar,
        "128" => VectorWidth.Bits128,
        "256" => VectorWidth.Bits256,
        _ => null,
    };

    /// <summary>For <c>rtl --version</c>: e.g. <c>kernels 128-bit vectors (forced by RTL_VECTOR_WIDTH=128; widest here 256-bit)</c>.</summary>
    public static string Describe()
    {
        var chosen = $"kernels {Name(Chosen)}";
        if (Forced is null)
        {
            return chosen;
        }

        return Parse(Forced) is null
            ? $"{chosen} ({Variable}='{Forced}' not understood: use scalar, 128 or 256)"
            : $"{chosen} (forced by {Variable}={Forced}; widest here {Name(Widest)})";
    }

    private static string Name(VectorWidth width) => width == VectorWidth.Scalar ? "scalar" : $"{(int)width}-bit vectors";
}
