using System.CommandLine;
using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.Tests.Cli;

/// <summary>Every verb of <see cref="RtlCommand"/> as tests walk them: its words, and a line giving all it takes.</summary>
public static class Verbs
{
    /// <summary>Each command under the root with its path: <c>["run"]</c>, <c>["pipeline", "add"]</c>, …</summary>
    public static IEnumerable<(string[] Path, Command Command)> All() => Under([], RtlCommand.Root);

    public static TheoryData<string> Paths() => [.. All().Select(v => string.Join(' ', v.Path))];

    /// <summary>The verbs that run something: not those that only group actions (<c>rtl pipeline</c> needs one).</summary>
    public static TheoryData<string> Runnable() => [.. All().Where(v => v.Command.Action is not null).Select(v => string.Join(' ', v.Path))];

    public static Command Find(string path) => All().Single(v => string.Join(' ', v.Path) == path).Command;

    /// <summary>The options a verb takes: its own and those recursive from the verbs above it.</summary>
    public static IEnumerable<Option> OptionsOf(string path)
    {
        var words = path.Split(' ');
        var own = Find(path).Options.Where(o => o is not System.CommandLine.Help.HelpOption);
        var inherited = Enumerable.Range(0, words.Length)
            .Select(n => n == 0 ? RtlCommand.Root : Find(string.Join(' ', words[..n])))
            .SelectMany(c => c.Options.Where(o => o.Recursive && o is not System.CommandLine.Help.HelpOption));
        return own.Concat(inherited).Distinct();
    }

    /// <summary>A value each kind of option accepts.</summary>
    public static string[] Sample(Option option) => option.ValueType switch
    {
        var t when t == typeof(bool) => [],
        var t when t == typeof(int?) || t == typeof(long?) => ["7"],
        var t when t == typeof(double?) => ["1.5"],
        _ => ["x"],
    };

    private static IEnumerable<(string[] Path, Command Command)> Under(string[] path, Command command)
    {
        foreach (var verb in command.Subcommands)
        {
            string[] here = [.. path, verb.Name];
            yield return (here, verb);
            foreach (var below in Under(here, verb))
            {
                yield return below;
            }
        }
    }
}
