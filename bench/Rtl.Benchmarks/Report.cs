using System.Globalization;
using System.Text;

namespace Rtl.Benchmarks;

/// <summary>One line of the results table.</summary>
public sealed record Row(
    string Section,
    string Measure,
    string Rtl,
    string Baseline,
    double Ratio,
    string Target,
    bool? Met,
    string Note = "",
    DaskFigure? Dask = null);

/// <summary>A second baseline beside a row (section C): Dask.distributed's median or rate, and Rtl's ratio to it.</summary>
public sealed record DaskFigure(string Median, double Ratio);

/// <summary>Collects rows, prints them as they come, and renders the markdown report.</summary>
public sealed class Report
{
    private readonly List<Row> rows = [];

    public IReadOnlyList<Row> Rows => rows;

    public void Add(Row row)
    {
        rows.Add(row);
        Console.WriteLine($"  {row.Measure,-58} rtl {row.Rtl,-22} base {row.Baseline,-22} x{Format(row.Ratio, 2),-6} {Verdict(row.Met)}"
            + (row.Dask is { } dask ? $"  dask {dask.Median} x{Format(dask.Ratio, 2)}" : ""));
    }

    public static string Ms(double value) => value < 1 ? $"{Format(value, 3)} ms" : value < 100 ? $"{Format(value, 2)} ms" : $"{Format(value, 0)} ms";

    public static string Format(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Verdict(bool? met) => met switch
    {
        true => "met",
        false => "**missed**",
        null => "—",
    };

    public string Markdown(string header, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(header);
        text.AppendLine();
        foreach (var section in rows.Select(r => r.Section).Distinct())
        {
            text.AppendLine($"### {section}");
            text.AppendLine();
            // Sections with a Dask figure (C) get its two columns; the others keep the one baseline.
            var withDask = rows.Any(r => r.Section == section && r.Dask is not null);
            text.AppendLine(withDask
                ? "| measure | Rtl median | baseline median | ratio Rtl/baseline | Dask median | ratio Rtl/Dask | target | met? | note |\n|---|---:|---:|---:|---:|---:|---|---|---|"
                : "| measure | Rtl median | baseline median | ratio Rtl/baseline | target | met? | note |\n|---|---:|---:|---:|---|---|---|");
            foreach (var row in rows.Where(r => r.Section == section))
            {
                var dask = !withDask ? "" : row.Dask is { } figure ? $" {figure.Median} | {Format(figure.Ratio, 2)} |" : " — | — |";
                text.AppendLine($"| {row.Measure} | {row.Rtl} | {row.Baseline} | {Format(row.Ratio, 2)} |{dask} {row.Target} | {Verdict(row.Met)} | {row.Note} |");
            }

            text.AppendLine();
        }

        var met = rows.Count(r => r.Met == true);
        var missed = rows.Count(r => r.Met == false);
        text.AppendLine($"{met} targets met, {missed} missed; run took {elapsed.TotalMinutes:F1} min.");
        return text.ToString();
    }
}
