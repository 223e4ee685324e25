using System.Globalization;
using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;

namespace Rtl.Benchmarks;

/// <summary><c>--check-csv-numbers</c>: CsvFile.Read must give exactly double.Parse's values for many spellings.</summary>
public static class NumberCheck
{
    public const string Flag = "--check-csv-numbers";

    public static int Run()
    {
        var random = new SplitMix64(99);
        var texts = new List<string>();
        string[] formats = ["R", "G17", "F2", "F6", "E3", "E16", "0.0##", "G5"];
        for (var i = 0; i < 300_000; i++)
        {
            var magnitude = Math.Pow(10, (int)(random.Next() % 40) - 20);
            var value = (random.NextDouble() - 0.3) * magnitude;
            var text = value.ToString(formats[i % formats.Length], CultureInfo.InvariantCulture);
            texts.Add(i % 97 == 0 ? $" {text} " : i % 89 == 0 ? "+" + text.TrimStart('-') : text);
        }

        texts.AddRange(["0", "-0", "-0.0", "1.", ".5", "-.5", "1e22", "1e23", "9007199254740993", "9007199254740992", "123456789012345678901234",
            "4.9e-324", "1.7976931348623157e308", "0.1", "0.30000000000000004", "1E+5", "nan", "inf", "-inf", "00012.50"]);
        var path = Path.Combine(Path.GetTempPath(), $"rtl-numbers-{Environment.ProcessId}.csv");
        File.WriteAllText(path, "v\n" + string.Join('\n', texts) + "\n", new UTF8Encoding(false));
        try
        {
            var column = (Column<double>)CsvFile.Read(path)["v"];
            var bad = 0;
            for (var i = 0; i < texts.Count; i++)
            {
                var expected = texts[i].Trim() switch
                {
                    "nan" => double.NaN,
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    var t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture),
                };
                if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(column[i]))
                {
                    if (bad++ < 10)
                    {
                        Console.WriteLine($"'{texts[i]}': expected {expected:R}, read {column[i]:R}");
                    }
                }
            }

            Console.WriteLine($"{texts.Count} cells, {bad} differ");
            return bad == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
