using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>A fact a task reports about its run, printed by the CLI as <c>=> Key: Value</c>.</summary>
public sealed record TaskNote(string Key, string Value)
{
    public override string ToString() => $"=> {Key}: {Value}";
}

/// <summary>What a task returns: the new table and what it wants reported.</summary>
public sealed record TaskOutput(Table Table, IReadOnlyList<TaskNote> Notes, IReadOnlyList<string> Files)
{
    public TaskOutput(Table table)
        : this(table, [], [])
    {
    }

    public TaskOutput(Table table, params TaskNote[] notes)
        : this(table, notes, [])
    {
    }
}
