namespace Rtl.Grains.Plotting;

/// <summary>The machine has no font to draw a plot's text with; the message says what to install.</summary>
[GenerateSerializer]
public sealed class PlotFontException(string message) : InvalidOperationException(message);
