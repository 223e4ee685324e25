using System.Globalization;
using System.Text;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// <c>RTL_VECTOR_WIDTH</c> reaches the kernels of a real <c>rtl run</c>: the 128-bit path a Pi takes, the
/// 256-bit one and the scalar one give the same result file, byte for byte.
/// </summary>
public sealed class VectorWidthProcessTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rtl-widths-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private const string Pipeline = """
        {"stages": [
          {"tasks": [{"task": "filter", "operations": [
            {"column": "t", "method": "gt", "value": 10}, {"column": "t", "method": "le", "value": 80},
            {"column": "h", "method": "ne", "value": 50}]}]},
          {"tasks": [{"task": "column_space", "column": "t", "space": "linear"}]}
        ]}
        """;

    [Fact]
    public async Task Every_width_gives_the_same_result_bytes()
    {
        var random = new Random(11);
        var csv = new StringBuilder("t,h\n");
        for (var i = 0; i < 20_003; i++)
        {
            var t = random.Next(10) == 0 ? "nan" : Math.Round(random.NextDouble() * 100, 1).ToString(CultureInfo.InvariantCulture);
            csv.Append(t).Append(',').Append(random.Next(100)).Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(root, "in.csv"), csv.ToString());
        await File.WriteAllTextAsync(Path.Combine(root, "p.json"), Pipeline);

        var results = new Dictionary<string, byte[]>();
        foreach (var width in new[] { "scalar", "128", "256" })
        {
            var start = RtlProcess.StartInfo(root, "run", "p.json", "--input", "in.csv", "--embedded",
                "--data-dir", Path.Combine(root, $"data-{width}"), "--output", $"out-{width}.npy");
            start.Environment["RTL_VECTOR_WIDTH"] = width;
            var run = await RtlProcess.Run(start, RealSilos.Command);
            Assert.True(run.ExitCode == 0, run.ToString());
            results[width] = await File.ReadAllBytesAsync(Path.Combine(root, $"out-{width}.npy"));
        }

        Assert.True(results["scalar"].Length > 100_000, $"the filter kept too few rows to reach the vector loops: {results["scalar"].Length} bytes");
        Assert.Equal(results["scalar"], results["128"]);
        Assert.Equal(results["scalar"], results["256"]);
    }

    [Fact]
    public async Task The_version_line_says_which_width_the_kernels_use_and_why()
    {
        var start = RtlProcess.StartInfo(root, "--version");
        start.Environment["RTL_VECTOR_WIDTH"] = "128";
        var forced = await RtlProcess.Run(start, RealSilos.Command);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("kernels 128-bit vectors (forced by RTL_VECTOR_WIDTH=128", forced.Stdout);

        start.Environment["RTL_VECTOR_WIDTH"] = "wide";
        var unknown = await RtlProcess.Run(start, RealSilos.Command);
        Assert.Contains("RTL_VECTOR_WIDTH='wide' not understood: use scalar, 128 or 256", unknown.Stdout);
    }
}
