using System.Reflection;

namespace Rtl.Benchmarks;

/// <summary>
/// The numpy side: <c>bench/numpy/serve.py</c> under the system python, kept running so each measure can
/// alternate blocks of numpy and Rtl repetitions (a noisy neighbour then slows both alike).
/// </summary>
public sealed class Numpy : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly PythonServer server;

    public Numpy(string kernelDir, string root) => server = new PythonServer(Path.Combine(BenchDir, "numpy", "serve.py"), kernelDir, root);

    public static string BenchDir { get; } =
        typeof(Numpy).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BenchDir").Value!;

    /// <summary>Times numpy's case <paramref name="key"/>; milliseconds per repetition.</summary>
    public List<double> Time(string key, Budget budget) => server.Time(key, budget);

    /// <summary>
    /// Alternates numpy and Rtl blocks <paramref name="rounds"/> times (warm-up in the first only) and returns
    /// both sides' samples.
    /// </summary>
    public (Samples Rtl, Samples Numpy) Interleave(string key, Budget budget, int rounds, Action rtl)
    {
        var numpyTimes = new List<double>();
        var rtlTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var block = budget.Round(round, rounds);
            numpyTimes.AddRange(Time(key, block));
            rtlTimes.AddRange(Measure.Run(block, rtl).Values);
        }

        return (new Samples(rtlTimes), new Samples(numpyTimes));
    }

    public static string Version()
    {
        try
        {
            using var process = PythonServer.Start(["-c", "import importlib.util, numpy, sys; pandas = importlib.util.find_spec('pandas'); "
                + "print(numpy.__version__, 'on python', sys.version.split()[0], "
                + "'(pandas ' + __import__('pandas').__version__ + ' for group_by)' if pandas else '(pandas missing: group_by has no baseline)')"], redirectInput: false);
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "not available";
        }
    }

    public void Dispose() => server.Dispose();
}
