using System.Diagnostics;
using System.Text.Json;

namespace Rtl.Benchmarks;

/// <summary>
/// A <c>bench/*/serve.py</c> under the system python, kept running between requests: one JSON request a line in,
/// one JSON answer a line out (the protocol is <c>bench/numpy/serving.py</c>'s).
/// </summary>
public sealed class PythonServer : IDisposable
{
    private readonly Process process;
    private readonly Queue<string> errorTail = new();

    /// <summary>Starts <paramref name="script"/> and waits for its first line.</summary>
    public PythonServer(string script, params string[] arguments)
    {
        process = Start([script, .. arguments], redirectInput: true);
        // Drained as it comes: a python side that logs (Dask's warnings) must not block on a full pipe.
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errorTail)
            {
                errorTail.Enqueue(line.Data ?? "");
                if (errorTail.Count > 20)
                {
                    errorTail.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
        using var greeting = JsonDocument.Parse(process.StandardOutput.ReadLine() ?? throw Exited(script + " did not start"));
        Greeting = greeting.RootElement.Clone();
    }

    /// <summary>The first line: <c>{"ready": [case, …], …}</c>, or what the script says instead (Dask's <c>missing</c>).</summary>
    public JsonElement Greeting { get; }

    /// <summary>Sends <paramref name="request"/> and returns the answer; a case that failed throws.</summary>
    public JsonElement Ask(object request)
    {
        process.StandardInput.WriteLine(JsonSerializer.Serialize(request));
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine() ?? throw Exited("python side exited");
        using var answer = JsonDocument.Parse(line);
        if (answer.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"python case '{answer.RootElement.GetProperty("key")}' failed: {error.GetString()}");
        }

        return answer.RootElement.Clone();
    }

    /// <summary>Times case <paramref name="key"/>; milliseconds per repetition.</summary>
    public List<double> Time(string key, Budget budget)
    {
        var answer = Ask(new { key, warmup = budget.Warmup, min = budget.MinReps, max = budget.MaxReps, budget = budget.Time.TotalSeconds });
        return [.. answer.GetProperty("ms").EnumerateArray().Select(e => e.GetDouble())];
    }

    public static Process Start(string[] args, bool redirectInput)
    {
        var start = new ProcessStartInfo(Numpy.Python)
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
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Numpy.Python);
    }

    private InvalidOperationException Exited(string what)
    {
        process.WaitForExit(5000);
        lock (errorTail)
        {
            return new InvalidOperationException($"{what}: {string.Join('\n', errorTail)}");
        }
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
