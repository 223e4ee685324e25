using System.CommandLine;
using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.Tests.Cli;

/// <summary>What holds for every verb of the one definition: it parses what it takes, refuses the rest by name, and its help lists it.</summary>
public sealed class EveryVerbTests
{
    [Theory]
    [MemberData(nameof(Verbs.Runnable), MemberType = typeof(Verbs))]
    public void Every_verb_parses_every_option_it_takes(string path)
    {
        var options = Verbs.OptionsOf(path).Where(o => o is not VersionOption).ToArray();
        string[] args = [.. path.Split(' '), .. Arguments(path), .. options.SelectMany(o => (string[])[o.Name, .. Verbs.Sample(o)])];

        var line = RtlCommand.Parse(args);

        Assert.True(UsageErrors.Describe(line) is null, $"rtl {string.Join(' ', args)}: {UsageErrors.Describe(line)}");
        Assert.Equal(path, UsageErrors.Path(line)["rtl ".Length..]);
        Assert.All(options, o => Assert.False(line.GetResult(o) is null, $"{o.Name} not parsed for 'rtl {path}'"));
    }

    [Theory]
    [MemberData(nameof(Verbs.Paths), MemberType = typeof(Verbs))]
    public void An_unknown_option_is_refused_naming_it_and_the_verb(string path)
    {
        var line = RtlCommand.Parse([.. path.Split(' '), .. Arguments(path), "--bogus", "1"]);

        Assert.Equal($"unknown option --bogus for 'rtl {path}'", UsageErrors.Describe(line));
    }

    [Theory]
    [MemberData(nameof(Verbs.Paths), MemberType = typeof(Verbs))]
    public void A_stray_positional_is_refused_naming_it(string path)
    {
        var line = RtlCommand.Parse([.. path.Split(' '), .. Arguments(path), "stray"]);

        var hint = Verbs.Find(path).Options.Contains(CliOptions.Input) ? " (an input table goes after --input)" : "";
        var expected = Verbs.Find(path).Subcommands.Count > 0 ? $"unknown command 'stray' for 'rtl {path}'" : $"unexpected argument 'stray' for 'rtl {path}'{hint}";
        Assert.Equal(expected, UsageErrors.Describe(line));
    }

    [Theory]
    [MemberData(nameof(Verbs.Paths), MemberType = typeof(Verbs))]
    public void Every_verbs_help_lists_every_option_it_takes(string path)
    {
        var help = Invoke([.. path.Split(' '), "--help"]);

        Assert.Contains($"rtl {path}", help);
        Assert.All(Verbs.OptionsOf(path), o => Assert.Contains(o.Name, help));
        Assert.All(Verbs.Find(path).Subcommands, c => Assert.Contains(c.Name, help));
    }

    [Fact]
    public void The_root_help_lists_every_verb()
    {
        var help = Invoke(["--help"]);

        Assert.All(RtlCommand.Root.Subcommands, verb => Assert.Contains($"  {verb.Name}", help));
        Assert.Equal(help, Invoke([]));
        Assert.Equal(help, Invoke(["help"]));
    }

    [Fact]
    public void Help_verb_means_that_verbs_help() =>
        Assert.Equal(Invoke(["run", "--help"]), Invoke(["help", "run"]));

    /// <summary>Prints what <c>rtl ARGS</c> prints through System.CommandLine (help, version, completion).</summary>
    public static string Invoke(string[] args)
    {
        var output = new StringWriter();
        var exit = RtlCommand.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        Assert.True(exit == 0, $"rtl {string.Join(' ', args)} exited {exit}: {output}");
        return output.ToString();
    }

    // A value for each positional argument the verb requires (`pipeline add NAME FILE`), so only the tested token is wrong.
    private static string[] Arguments(string path) =>
        [.. Verbs.Find(path).Arguments.Select(a => a == CliArguments.Shell ? "bash" : "x")];
}
