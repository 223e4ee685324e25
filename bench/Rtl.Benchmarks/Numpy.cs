using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Rtl.Benchmarks;

/// <summary>
/// The numpy side: <c>bench/numpy/serve.py</c> under the system python, kept running so each measure can
/// alternate blocks of numpy and Rtl repetitions (a noisy neighbour then slows both alike).
/// </summary>
public sealed class Numpy : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process process;

    public Numpy(string kernelDir, string root)
    {
        process = Start([Path.Combine(BenchDir, "numpy", "serve.py"), kernelDir, root], redirectInput: true);
        var ready = process.StandardOutput.ReadLine();
        if (ready is null || !ready.Contains("ready", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"bench/numpy/serve.py did not start: {process.StandardError.ReadToEnd()}");
        }
    }

    public static string BenchDir { get; } =
        typeof(Numpy).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BenchDir").Value!;

    /// <summary>Times numpy's case <paramref name="key"/>; milliseconds per repetition.</summary>
    public List<double> Time(string key, Budget budget)
    {
        var request = JsonSerializer.Serialize(new
        {
            key,
            warmup = budget.Warmup,
            min = budget.MinReps,
            max = budget.MaxReps,
            budget = budget.Time.TotalSeconds,
        });
        process.StandardInput.WriteLine(request);
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"numpy worker exited: {process.StandardError.ReadToEnd()}");
        using var answer = JsonDocument.Parse(line);
        if (answer.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"numpy case '{key}' failed: {error.GetString()}");
        }

        return [.. answer.RootElement.GetProperty("ms").EnumerateArray().Select(e => e.GetDouble())];
    }

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
            using var process = Start(["-c", "import importlib.util, numpy, sys; pandas = importlib.util.find_spec('pandas'); "
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

    private static Process Start(string[] args, bool redirectInput)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Some machines set these for OpenBLAS; they slow numpy down, so the baseline runs without them.
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Python);
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
