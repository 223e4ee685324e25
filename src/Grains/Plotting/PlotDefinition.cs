namespace Rtl.Grains.Plotting;

/// <summary>How one layer draws its rows.</summary>
public enum PlotKind
{
    /// <summary>A scatter of (x, y) markers.</summary>
    Circle,

    /// <summary>A line through (x, y), in ascending x.</summary>
    Line,

    /// <summary>Bars counting the rows of x per bin (y is not used).</summary>
    Histogram,
}

/// <summary>The y axis (the count axis for a histogram).</summary>
public enum PlotScale
{
    Linear,
    Log,
}

/// <summary>One drawing inside a plot: which columns, how, and optionally coloured by a series column.</summary>
public sealed record PlotLayer(string X, string? Y, PlotKind Kind, PlotScale Scale, string? Series, int Bins);

/// <summary>One PNG: its name (the title and file name) and its layers, which share the axes.</summary>
public sealed record PlotDefinition(string Name, IReadOnlyList<PlotLayer> Layers)
{
    public PlotScale Scale => Layers[0].Scale;

    public string XTitle => Layers[0].X;

    public string YTitle => Layers[0].Kind == PlotKind.Histogram ? "count" : Layers[0].Y!;
}
