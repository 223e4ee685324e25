using System.Text;

namespace Rtl.Grains.Plotting;

/// <summary>Plot names become file names: each run of anything but letters, digits, '-' and '.' turns into one '_'.</summary>
public static class PlotFileNames
{
    /// <summary>One distinct <c>.png</c> name per plot, in order (a clash gets <c>-2</c>, <c>-3</c> …).</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> plotNames)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var plot in plotNames)
        {
            var stem = Sanitize(plot);
            var name = stem;
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }

            names.Add(name + ".png");
        }

        return names;
    }

    private static string Sanitize(string plot)
    {
        var text = new StringBuilder(plot.Length);
        foreach (var c in plot.Trim())
        {
            var kept = char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_';
            if (kept != '_' || text.Length == 0 || text[^1] != '_')
            {
                text.Append(kept); // one '_' for a run of spaces and symbols
            }
        }

        var stem = text.ToString().Trim('.', '_');
        return stem.Length == 0 ? "plot" : stem.Length > 100 ? stem[..100] : stem;
    }
}
