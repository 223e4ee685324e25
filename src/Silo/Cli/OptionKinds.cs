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
        new(name) { HelpName = placeholder, Description = description, Recursive = recursive };

    public static Option<int?> Number(string name, string placeholder, string description) =>
        new(name) { HelpName = placeholder, Description = description, CustomParser = r => Parse(r, name, positive: false) };

    public static Option<int?> PositiveNumber(string name, string placeholder, string description, string unit = "number") =>
        new(name) { HelpName = placeholder, Description = description, CustomParser = r => Parse(r, name, positive: true, unit) };

    public static Option<long?> PositiveBytes(string name, string description) =>
        new(name)
        {
            HelpName = "N", Description = description,
            CustomParser = r => long.TryParse(r.Tokens[0].Value, out var value) && value > 0 ? value : Refuse<long>(r, name, "positive number"),
        };

    public static Option<double?> Seconds(string name, string description) =>
        new(name)
        {
            HelpName = "SECONDS", Description = description,
            CustomParser = r => double.TryParse(r.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value : Refuse<double>(r, name, "number of seconds"),
        };

    private static int? Parse(ArgumentResult result, string name, bool positive, string unit = "number")
    {
        var valid = int.TryParse(result.Tokens[0].Value, out var value) && (!positive || value > 0);
        return valid ? value : Refuse<int>(result, name, positive ? $"positive {unit}" : unit);
    }

    private static T? Refuse<T>(ArgumentResult result, string name, string expected)
        where T : struct
    {
        result.AddError($"{name} expects a {expected}, got '{result.Tokens[0].Value}'");
        return null;
    }
}
