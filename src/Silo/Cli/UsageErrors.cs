using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Rtl.Silo.Cli;

/// <summary>
/// A command line the parser refused, said in one line that names the token: the unknown verb or option, the stray
/// argument (with where an input table goes), the missing action; otherwise the parser's own message.
/// </summary>
public static class UsageErrors
{
    /// <summary>What is wrong with <paramref name="line"/>, or null when it runs (help and version win over errors).</summary>
    public static string? Describe(ParseResult line)
    {
        if (line.Action is not ParseErrorAction)
        {
            return null;
        }

        var command = line.CommandResult.Command;
        var path = Path(line);
        if (line.UnmatchedTokens is [var token, ..])
        {
            return token switch
            {
                ['-', '-', ..] => $"unknown option {token.Split('=')[0]} for '{path}'",
                ['-', _, ..] => $"unknown option '{token}' (options are spelled --name)",
                _ when command.Subcommands.Count > 0 => $"unknown command '{token}'{(command is RootCommand ? "" : $" for '{path}'")}",
                _ => $"unexpected argument '{token}' for '{path}'"
                    + (command.Options.Contains(CliOptions.Input) ? " (an input table goes after --input)" : ""),
            };
        }

        if (command.Action is null && command.Subcommands.Count > 0)
        {
            var actions = command.Subcommands.Select(c => c.Name).ToArray();
            return $"missing action for '{path}': {string.Join(", ", actions[..^1])} or {actions[^1]}";
        }

        if (line.Errors.Select(e => e.SymbolResult).OfType<OptionResult>().FirstOrDefault(o => o is { Tokens.Count: 0, Option.Arity.MinimumNumberOfValues: > 0 }) is { } empty)
        {
            return $"option {empty.Option.Name} needs a value";
        }

        if (command.Arguments.FirstOrDefault(a => line.GetResult(a) is not { Tokens.Count: > 0 }) is { } missing)
        {
            return $"missing {missing.Name} for '{path}': {missing.Description}";
        }

        return line.Errors[0].Message;
    }

    /// <summary><c>rtl run</c>: the verb the line reached, to name in messages and in the hint to its <c>--help</c>.</summary>
    public static string Path(ParseResult line)
    {
        var names = new List<string>();
        for (SymbolResult? result = line.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Command is RootCommand ? "rtl" : command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
