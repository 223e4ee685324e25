using Rtl.Data;
using Rtl.Tasks;

namespace Rtl.Grains.Plotting;

/// <summary>
/// Reads <c>plots: {name: [{x, y, type, scale, series?, bins?}]}</c> against the table's schema; every error
/// names its place, e.g. <c>plots.latency[0].y: column 'foo' not found</c>.
/// </summary>
public static class PlotArguments
{
    public const int DefaultBins = 30;

    /// <summary>Ten bars a pixel of the 1000-pixel-wide image is already more than can be seen.</summary>
    public const int MaxBins = 10_000;

    private static readonly string[] Kinds = ["circle", "line", "histogram"];
    private static readonly string[] Scales = ["linear", "log"];

    /// <summary>The columns the plots draw (every layer's x, y and series), from the arguments alone.</summary>
    public static IEnumerable<string> Reads(TaskArgs args)
    {
        if (!args.TryGet("plots", out var value) || value.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return [];
        }

        var plots = new TaskArgs(value);
        return plots.PropertyNames.SelectMany(name => plots.ObjectsIn(name))
            .SelectMany(layer => layer.NamesIn("x").Concat(layer.NamesIn("y")).Concat(layer.NamesIn("series")));
    }

    public static IReadOnlyList<PlotDefinition> Parse(TaskArgs args, TableSchema schema)
    {
        var plots = args.RequireObject("plots");
        var definitions = new List<PlotDefinition>();
        foreach (var name in plots.PropertyNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new TaskArgumentException(plots.Path, "a plot name must not be empty");
            }

            var layers = plots.RequireList(name).Select(layer => ParseLayer(layer, schema)).ToArray();
            if (layers.Length == 0)
            {
                throw new TaskArgumentException(plots.At(name), "expected at least one layer like {\"x\": ..., \"y\": ..., \"type\": \"circle\"}");
            }

            CheckSharedScale(plots.At(name), layers);
            definitions.Add(new PlotDefinition(name, layers));
        }

        return definitions.Count > 0
            ? definitions
            : throw new TaskArgumentException(plots.Path, "expected at least one plot: {\"name\": [{\"x\": ..., \"y\": ...}]}");
    }

    private static PlotLayer ParseLayer(TaskArgs layer, TableSchema schema)
    {
        var kind = Enum.Parse<PlotKind>(layer.OptionalChoice("type", "circle", Kinds), ignoreCase: true);
        var scale = Enum.Parse<PlotScale>(layer.OptionalChoice("scale", "linear", Scales), ignoreCase: true);
        var x = layer.RequireColumn("x", schema);
        string? y = null;
        if (kind != PlotKind.Histogram)
        {
            y = layer.RequireColumn("y", schema);
        }
        else if (layer.Has("y"))
        {
            throw new TaskArgumentException(layer.At("y"), "a histogram counts the rows of x: leave y out");
        }

        var series = layer.Has("series") ? layer.RequireColumn("series", schema) : null;
        if (series is not null && kind == PlotKind.Histogram)
        {
            throw new TaskArgumentException(layer.At("series"), "a histogram cannot be split by series");
        }

        var bins = kind == PlotKind.Histogram ? layer.OptionalInt("bins", DefaultBins, minimum: 1, maximum: MaxBins) : DefaultBins;
        return new PlotLayer(x, y, kind, scale, series, bins);
    }

    /// <summary>The layers share one y axis, so they must agree on its scale.</summary>
    private static void CheckSharedScale(string at, PlotLayer[] layers)
    {
        for (var i = 1; i < layers.Length; i++)
        {
            if (layers[i].Scale != layers[0].Scale)
            {
                throw new TaskArgumentException($"{at}[{i}].scale",
                    $"the layers of a plot share one y axis: '{Lower(layers[i].Scale)}' differs from layer 0's '{Lower(layers[0].Scale)}'");
            }
        }
    }

    private static string Lower(PlotScale scale) => scale.ToString().ToLowerInvariant();
}
