using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Rtl.Silo.Cli;

/// <summary>
/// The kinds of value an <c>rtl</c> option takes, each refusing a bad value in words that name the option, so a
/// typo exits 2 at parse time instead of failing later.
/// </summary>
public static class OptionKinds
{
    public static Option<bool> Flag(string name, string description, bool recursive = false) =>
        new(name) { Description = description, Recursive = recursive };

    public static Option<string?> Text(string name, string placeholder, string description, bool recursive = false) =>
        Valued<string?>(name, placeholder, description, (_, text) => text, recursive);

    public static Option<int?> Number(string name, string placeholder, string description) =>
        Valued(name, placeholder, description, (r, text) => int.TryParse(text, out var value) ? value : Refuse<int>(r, name, "number"));

    public static Option<int?> PositiveNumber(string name, string placeholder, string description, string unit = "number") =>
        Valued(name, placeholder, description,
            (r, text) => int.TryParse(text, out var value) && value > 0 ? value : Refuse<int>(r, name, $"positive {unit}"));

    public static Option<long?> PositiveBytes(string name, string description) =>
        Valued(name, "N", description, (r, text) => long.TryParse(text, out var value) && value > 0 ? value : Refuse<long>(r, name, "positive number"));

    public static Option<double?> Seconds(string name, string description) =>
        Valued(name, "SECONDS", description, (r, text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : Refuse<double>(r, name, "number of seconds"));

    // Given twice, the last value counts, as it always has: a systemd unit's --silo-args may override the unit's own
    // --files-root. (Each occurrence still takes one value: `--input a b` leaves b a stray argument.)
    private static Option<T> Valued<T>(string name, string placeholder, string description, Func<ArgumentResult, string, T> parse, bool recursive = false) =>
        new(name)
        {
            HelpName = placeholder, Description = description, Recursive = recursive, AllowMultipleArgumentsPerToken = true,
            CustomParser = r => parse(r, r.Tokens[^1].Value),
        };

    private static T? Refuse<T>(ArgumentResult result, string name, string expected)
        where T : struct
    {
        result.AddError($"{name} expects a {expected}, got '{result.Tokens[^1].Value}'");
        return null;
    }
}
