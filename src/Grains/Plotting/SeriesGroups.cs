using System.Globalization;
using Rtl.Data;

namespace Rtl.Grains.Plotting;

/// <summary>
/// Splits rows by the distinct values of a series column. Past <see cref="MaxGroups"/> values the legend
/// would be unreadable, so the most frequent ones keep their own colour and the rest share "other".
/// </summary>
public static class SeriesGroups
{
    public const int MaxGroups = 10;
    public const string Other = "other";

    /// <summary>A legend label and the rows it covers, in row order.</summary>
    public sealed record Group(string Label, int[] Rows);

    public static IReadOnlyList<Group> Split(Column series)
    {
        var values = series.AsDoubles();
        var rowsByValue = new Dictionary<double, List<int>>();
        for (var row = 0; row < values.Length; row++)
        {
            // NaN != NaN, so every NaN would be its own key: fold them into one.
            var key = double.IsNaN(values[row]) ? double.NaN : values[row];
            if (!rowsByValue.TryGetValue(key, out var rows))
            {
                rowsByValue[key] = rows = [];
            }

            rows.Add(row);
        }

        if (rowsByValue.Count <= MaxGroups)
        {
            return rowsByValue.OrderBy(g => g.Key).Select(g => new Group(Label(series, g.Value[0]), [.. g.Value])).ToArray();
        }

        var kept = rowsByValue.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key).Take(MaxGroups - 1)
            .OrderBy(g => g.Key).ToArray();
        var keptKeys = kept.Select(g => g.Key).ToHashSet();
        var other = rowsByValue.Where(g => !keptKeys.Contains(g.Key)).SelectMany(g => g.Value).Order().ToArray();
        var otherLabel = string.Create(CultureInfo.InvariantCulture, $"{Other} ({rowsByValue.Count - kept.Length} values)");
        return [.. kept.Select(g => new Group(Label(series, g.Value[0]), [.. g.Value])), new Group(otherLabel, other)];
    }

    private static string Label(Column series, int row) => series.Format(row);
}
