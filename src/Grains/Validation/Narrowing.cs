using Rtl.Data;
using Rtl.Pipelines;

namespace Rtl.Grains.Validation;

/// <summary>A pipeline as <see cref="ColumnLiveness"/> narrowed it, and the input columns its tasks read (null: all).</summary>
public sealed record Narrowing(Pipeline Pipeline, IReadOnlySet<string>? InputColumns)
{
    /// <summary>The input without the columns no task reads, or as it was (also when none is read: its rows still count).</summary>
    public Table? Input(Table? input)
    {
        if (input is null || InputColumns is null || input.Names.All(InputColumns.Contains) || !input.Names.Any(InputColumns.Contains))
        {
            return input;
        }

        return Table.Create(input.Names.Select((name, i) => (name, i)).Where(c => InputColumns.Contains(c.name))
            .Select(c => KeyValuePair.Create(c.name, input.Columns[c.i])));
    }
}
