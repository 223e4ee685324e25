using Rtl.Grains.Formats;

namespace Rtl.Benchmarks;

/// <summary>B. CSV and <c>.dat</c> to typed columns, against numpy's loadtxt and fromfile/memmap.</summary>
public static class FileBench
{
    public static void Run(DataSets data, Report report, Budget budget, Numpy numpy, int rounds, string section)
    {
        var csvMb = data.CsvBytes / 1e6;
        var csvBudget = budget with { Warmup = 1, MinReps = Math.Min(budget.MinReps, 5) };
        var (csv, numpyCsv) = numpy.Interleave("csv", csvBudget, rounds, () => GC.KeepAlive(CsvFile.Read(data.Csv)));
        var rate = csvMb / (csv.Median / 1000);
        var baseRate = csvMb / (numpyCsv.Median / 1000);
        report.Add(new Row(section, $"CSV → typed columns ({csvMb:F0} MB, {RowsOf(data.Csv):N0} rows × 6) — Rtl CsvFile.Read (types inferred) vs `np.loadtxt` (C parser, dtype given)",
            $"{rate:F0} MB/s ({Report.Ms(csv.Median)})", $"{baseRate:F0} MB/s ({Report.Ms(numpyCsv.Median)})",
            rate / baseRate, "≥ 450 MB/s", rate >= 450, $"ratio is throughput Rtl/numpy; n={csv.Count}/{numpyCsv.Count}"));

        var schema = MetaFile.Read(TableFiles.MetaPath(data.WideDat));
        var bytes = new FileInfo(data.WideDat).Length;
        var (dat, fromFile) = numpy.Interleave("dat fromfile", budget, rounds, () => GC.KeepAlive(DatFile.Read(data.WideDat, schema)));
        var memmap = new Samples(numpy.Time("dat memmap", budget));
        var best = fromFile.Median <= memmap.Median ? fromFile : memmap;
        var gbs = bytes / 1e9 / (dat.Median / 1000);
        var baseGbs = bytes / 1e9 / (best.Median / 1000);
        report.Add(new Row(section, $".dat → columns, warm cache ({DataSets.WideRows:N0} × {DataSets.WideColumns} <f8, {bytes / 1e6:F0} MB) — DatFile.Read vs best of `np.fromfile`/`np.memmap` + column copies",
            $"{gbs:F2} GB/s ({Report.Ms(dat.Median)})", $"{baseGbs:F2} GB/s ({Report.Ms(best.Median)})",
            gbs / baseGbs, "≥ 3.5 GB/s", gbs >= 3.5,
            $"ratio is throughput Rtl/numpy; fromfile {Report.Ms(fromFile.Median)}, memmap {Report.Ms(memmap.Median)}; n={dat.Count}/{best.Count}"));
    }

    private static long RowsOf(string csv) => File.ReadLines(csv).LongCount() - 1;
}
