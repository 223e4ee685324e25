using System.Globalization;
using Rtl.Data;
using Xunit;

namespace Rtl.Tests.Data;

public sealed class ColumnMemoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1_000_000)]
    public void Allocates_an_array_of_the_asked_length_that_keeps_what_is_written(int length)
    {
        var array = ColumnMemory.Allocate<double>(length);
        Assert.Equal(length, array.Length);
        for (var i = 0; i < length; i++)
        {
            array[i] = i * 0.5;
        }

        Assert.True(array.Select((v, i) => v == i * 0.5).All(same => same));
    }

    [Fact]
    public unsafe void A_large_array_is_advised_onto_huge_pages_where_the_kernel_offers_them()
    {
        var array = ColumnMemory.Allocate<double>(4_000_000); // 32 MB: whole 2 MB pages inside it
        array.AsSpan().Fill(1);
        if (!HugePagesOnAdvice())
        {
            // No transparent huge pages here: the advice is refused and the array must still be usable.
            Assert.Equal(4_000_000.0, array.Sum());
            return;
        }

        fixed (double* start = array)
        {
            var middle = (ulong)start + (16UL << 20);
            Assert.Contains("hg", FlagsOfMapping(middle));
        }
    }

    private static bool HugePagesOnAdvice()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        return OperatingSystem.IsLinux() && File.Exists(setting) && !File.ReadAllText(setting).Contains("[never]", StringComparison.Ordinal);
    }

    /// <summary>The VmFlags of the mapping that holds <paramref name="address"/>, from /proc/self/smaps.</summary>
    private static string[] FlagsOfMapping(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-');
            var space = line.IndexOf(' ');
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, null, out var low)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, null, out var high))
            {
                inside = address >= low && address < high;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException($"no mapping holds 0x{address:x}");
    }
}
