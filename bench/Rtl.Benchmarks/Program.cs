using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Rtl.Benchmarks;

// One run: generate the data, then A (kernels), B (files), C (end to end, memory), D (load), E (job store), F (footprint), G (streams), each against its
// baseline measured in the same run. `--quick` for a short run; `--only A,C` for some sections.
if (args.Length == 2 && args[0] == MemoryBench.ChildFlag)
{
    return MemoryBench.Child(args[1]);
}

if (args.Length == 1 && args[0] == NumberCheck.Flag)
{
    return NumberCheck.Run();
}

if (args.Length > 1 && args[0] == Probe.Flag)
{
    return Probe.Run(args[1..]);
}

if (args.Length > 3 && args[0] == TieringAb.Flag)
{
    return TieringAb.Run(args[1..]);
}

if (args.Length == 3 && args[0] == TieringAb.ColdClientFlag)
{
    return TieringAb.ColdClient(args[1..]);
}

var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.ToUpperInvariant().Split(',') ?? ["A", "B", "C", "D", "E", "F", "G"];
var keep = args.Contains("--keep-data");
var release = args.SkipWhile(a => a != "--release").Skip(1).FirstOrDefault();
// Only C's null-pipeline rows (latency, then throughput): no data to generate, no numpy, nothing written to results/.
var nullOnly = args.Contains("--null");
// Only the large-table transfer rows: silo → silo, silo → client, a bare socket and a memory copy, alternated.
var transferOnly = args.Contains("--transfer");
var unknown = args.Where(a => a is not ("--quick" or "--keep-data" or "--only" or "--release" or "--null" or "--transfer") && a != release && !only.Contains(a.ToUpperInvariant().Split(',')[0])).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown arguments: {string.Join(' ', unknown)}\nusage: Rtl.Benchmarks [--quick] [--only A,B,C,D,E,F,G] [--release DIR] [--keep-data] [--null] [--transfer]");
    return 2;
}

var budget = quick ? new Budget(Warmup: 2, MinReps: 5, MaxReps: 15, TimeSpan.FromSeconds(0.4)) : new Budget(Warmup: 3, MinReps: 15, MaxReps: 60, TimeSpan.FromSeconds(1.5));
// Each measure alternates this many blocks of numpy and Rtl repetitions.
var rounds = quick ? 2 : 3;
var clock = Stopwatch.StartNew();
var root = Path.Combine(Path.GetTempPath(), "rtl-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
var data = new DataSets(root);
var report = new Report();
try
{
    var header = Header(quick, dask: only.Contains("C") && !nullOnly);
    Console.WriteLine(header);
    if (nullOnly)
    {
        const string nullSection = "C. End to end through real silos: the null pipeline rows only (--null)";
        Console.WriteLine($"\n{nullSection}");
        await EndToEndBench.RunNull(data, report, quick, nullSection);
        Console.WriteLine();
        Console.WriteLine(report.Markdown(header, clock.Elapsed));
        return 0;
    }

    if (transferOnly)
    {
        const string transferSection = "C. Large tables between processes (--transfer)";
        Console.WriteLine($"\n{transferSection}");
        await TransferBench.Run(data, report, budget, transferSection);
        Console.WriteLine();
        Console.WriteLine(report.Markdown(header, clock.Elapsed));
        return 0;
    }

    Console.WriteLine($"generating data in {root} …");
    data.Generate(csvRows: 600_000);

    using var numpy = new Numpy(data.KernelDir, root);
    if (only.Contains("A"))
    {
        const string section = "A. Kernels at 1,000,000 rows (IRtlTask.Run, no Orleans) vs numpy";
        Console.WriteLine($"\n{section}");
        KernelBench.Run(data, report, budget, numpy, rounds, section);
    }

    if (only.Contains("B"))
    {
        const string section = "B. Files";
        Console.WriteLine($"\n{section}");
        FileBench.Run(data, report, budget, numpy, rounds, section);
    }

    if (only.Contains("C"))
    {
        const string section = "C. End to end through real silos (in-process SiloHost, RtlClient through the gateway)";
        Console.WriteLine($"\n{section}");
        // Dask's LocalCluster lives for C's timed rows only: idle, its workers' heartbeats would still cost the rest CPU.
        using (var dask = new DaskCluster(root))
        {
            await EndToEndBench.Run(data, report, budget, quick, numpy, dask, rounds, section);
        }

        MemoryBench.Run(data, report, section);
    }

    if (only.Contains("D"))
    {
        const string section = "D. Load (2 in-process silos on one SQLite file, 16 RtlClients through the gateways)";
        Console.WriteLine($"\n{section}");
        await LoadBench.Run(data, report, quick, section, header);
    }

    if (only.Contains("E"))
    {
        const string section = "E. Job store (PostgreSQL, the store of many hosts, vs the data dir, the store of one)";
        Console.WriteLine($"\n{section}");
        await StoreBench.Run(report, budget, root, section);
    }

    if (only.Contains("F"))
    {
        const string section = "F. Footprint of the release (rtl silo and rtl demo as processes) vs an idle Dask node";
        Console.WriteLine($"\n{section}");
        FootprintBench.Run(report, quick, root, release is null ? null : Path.GetFullPath(release), section);
    }

    if (only.Contains("G"))
    {
        const string section = "G. Streams (mosquitto → in-process silo → mosquitto, MQTTnet publisher and sink subscriber) vs the publishers alone";
        Console.WriteLine($"\n{section}");
        await StreamBench.Run(data, report, quick, section);
    }

    var markdown = report.Markdown(header, clock.Elapsed);
    Console.WriteLine();
    Console.WriteLine(markdown);
    if (only.SequenceEqual(["D"]))
    {
        return 0; // D alone writes only its own results/load.md, leaving latest.md as the last full run wrote it
    }

    var results = Path.Combine(Numpy.BenchDir, "results");
    Directory.CreateDirectory(results);
    // As D: E, F or G alone writes its own file and leaves latest.md as the last full run wrote it.
    var file = only.SequenceEqual(["E"]) ? "store.md"
        : only.SequenceEqual(["F"]) ? "footprint.md"
        : only.SequenceEqual(["G"]) ? "streams.md"
        : quick ? "latest-quick.md" : "latest.md";
    File.WriteAllText(Path.Combine(results, file), markdown);
    Console.WriteLine($"written to {Path.Combine(results, file)}");
    return 0;
}
finally
{
    if (!keep)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }
}

static string Header(bool quick, bool dask)
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";
    var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30);
    return $"""
        ## Rtl benchmarks{(quick ? " (--quick)" : "")}

        | | |
        |---|---|
        | date | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC |
        | machine | nproc {Environment.ProcessorCount}, {cpu}, {memory} GiB, {RuntimeInformation.OSDescription} |
        | runtime | .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC (as the `rtl` silo), bulk channel {(EndToEndBench.Bulk ? "on" : "off (RTL_BENCH_BULK=off)")}, Vector256 {(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "on" : "off")}, Vector512 {(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "on" : "off")} |
        | baseline | numpy {Numpy.Version()} (/usr/bin/python3, OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset) |
        {(dask ? $"| second baseline (C) | {DaskCluster.Describe()} |\n" : "")}| method | medians of repeated runs after warm-up (n = Rtl/baseline repetitions in each note); ratio = Rtl / baseline unless the note says otherwise |
        """;
}
