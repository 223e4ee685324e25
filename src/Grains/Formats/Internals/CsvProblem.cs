namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// Why a part stopped: an error on the line starting at byte <paramref name="LineOffset"/> (its message
/// after "line N"), or, when <paramref name="Detail"/> is null, text that only Sep reads correctly.
/// </summary>
internal sealed record CsvProblem(long LineOffset, string? Detail)
{
    public bool NeedsSep => Detail is null;
}
