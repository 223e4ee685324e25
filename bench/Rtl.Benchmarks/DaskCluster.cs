namespace Rtl.Benchmarks;

/// <summary>
/// The Dask.distributed side of C: <c>bench/dask/serve.py</c>, a <c>LocalCluster</c> of 2 worker processes (one
/// thread each) and its <c>Client</c>, started once and kept running so each measure can alternate Dask blocks with
/// Rtl's. Without Debian's python3-distributed every figure is <see cref="NotInstalled"/> instead.
/// </summary>
public sealed class DaskCluster : IDisposable
{
    public const string NotInstalled = "Dask not installed: apt-get install python3-distributed";

    private readonly PythonServer? server;

    public DaskCluster(string root)
    {
        var python = new PythonServer(Path.Combine(Numpy.BenchDir, "dask", "serve.py"), root);
        if (python.Greeting.TryGetProperty("missing", out _))
        {
            python.Dispose();
            return;
        }

        server = python;
    }

    /// <summary>For the report's header: Dask's version and how it runs, or how to install it.</summary>
    public static string Describe()
    {
        using var python = PythonServer.Start(["-c", "import distributed; print('Dask distributed', distributed.__version__)"], redirectInput: false);
        var version = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        return python.ExitCode != 0 ? NotInstalled
            : $"{version}, `LocalCluster(n_workers=2, processes=True, threads_per_worker=1)` + `Client(direct_to_workers=True)`, started once before C";
    }

    /// <summary>Times case <paramref name="key"/> (<c>dev pipeline</c>, <c>pair add</c>, <c>null</c>); null when Dask is not installed.</summary>
    public Samples? Time(string key, Budget budget) => server is null ? null : new Samples(server.Time(key, budget));

    /// <summary>Exactly <paramref name="calls"/> timed calls, no warm-up.</summary>
    public Samples? Time(string key, int calls) => Time(key, new Budget(0, calls, calls, TimeSpan.FromHours(1)));

    /// <summary>Calls a second from <paramref name="callers"/> threads on the one client; NaN when Dask is not installed.</summary>
    public double Rate(string key, int callers, TimeSpan duration) =>
        server?.Ask(new { rate = key, callers, seconds = duration.TotalSeconds }).GetProperty("per_second").GetDouble() ?? double.NaN;

    /// <summary>Dask's time (a median, a p99) beside Rtl's: ratio Rtl/Dask of times.</summary>
    public static DaskFigure Figure(double rtl, double? dask) =>
        dask is { } ms ? new DaskFigure(Report.Ms(ms), rtl / ms) : new DaskFigure(NotInstalled, double.NaN);

    /// <summary>Dask's rate beside Rtl's: ratio Rtl/Dask of throughputs.</summary>
    public static DaskFigure RateFigure(double rtl, double dask, string unit) =>
        double.IsNaN(dask) ? new DaskFigure(NotInstalled, double.NaN) : new DaskFigure($"{dask:N0} {unit}", rtl / dask);

    public void Dispose() => server?.Dispose();
}
