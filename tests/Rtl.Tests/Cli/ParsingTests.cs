using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.Tests.Cli;

/// <summary>How <c>rtl</c> reads a command line: what it accepts, and the token it names when it refuses.</summary>
public sealed class ParsingTests
{
    [Fact]
    public void Options_go_anywhere_and_take_their_value_after_a_space_or_an_equals_sign()
    {
        var line = RtlCommand.Parse(["run", "--input", "in.csv", "p.json", "--output=out.csv", "--embedded", "--data-dir", "/d"]);

        Assert.Null(UsageErrors.Describe(line));
        Assert.Equal("p.json", line.GetValue(CliArguments.Pipeline));
        Assert.Equal("in.csv", line.GetValue(CliOptions.Input));
        Assert.Equal("out.csv", line.GetValue(CliOptions.Output));
        Assert.True(line.GetValue(CliOptions.Embedded));
        Assert.Equal("/d", line.GetValue(CliOptions.DataDir));
    }

    [Fact]
    public void Cluster_options_may_come_before_the_verb()
    {
        var line = RtlCommand.Parse(["--data-dir", "/d", "--storage", "postgres", "status"]);

        Assert.Null(UsageErrors.Describe(line));
        Assert.Equal("rtl status", UsageErrors.Path(line));
        Assert.Equal("postgres", line.GetValue(CliOptions.Storage));
    }

    [Theory]
    [InlineData("-i")]
    [InlineData("-v")]
    [InlineData("-count")]
    public void A_short_flag_other_than_h_is_refused_by_name(string flag) =>
        Assert.Equal($"unknown option '{flag}' (options are spelled --name)", UsageErrors.Describe(RtlCommand.Parse(["run", "p.json", flag, "in.csv"])));

    [Fact]
    public void A_negative_number_is_an_options_value_not_a_flag() =>
        Assert.Equal("--count expects a positive number, got '-1'", UsageErrors.Describe(RtlCommand.Parse(["jobs", "--count", "-1"])));

    [Theory]
    [InlineData("start --silo-port abc", "--silo-port expects a number, got 'abc'")]
    [InlineData("start --start-timeout 0", "--start-timeout expects a positive number of seconds, got '0'")]
    [InlineData("silo --max-table-bytes -5", "--max-table-bytes expects a positive number, got '-5'")]
    [InlineData("stream add s p.json --window 5 --every soon", "--every expects a number of seconds, got 'soon'")]
    [InlineData("jobs --count", "option --count needs a value")]
    [InlineData("strat", "unknown command 'strat'")]
    [InlineData("pipeline", "missing action for 'rtl pipeline': add, list, show or remove")]
    [InlineData("pipeline rename a b", "unknown command 'rename' for 'rtl pipeline'")]
    [InlineData("run", "missing PIPELINE.json|NAME for 'rtl run': a pipeline JSON file or the name of a stored pipeline")]
    [InlineData("completion fish", "no completion for 'fish' (bash or zsh)")]
    public void A_bad_value_or_a_missing_word_is_refused_in_words_naming_it(string args, string message) =>
        Assert.Equal(message, UsageErrors.Describe(RtlCommand.Parse(args.Split(' '))));

    [Fact]
    public void A_stray_argument_is_named_with_where_an_input_table_goes() =>
        Assert.Equal("unexpected argument 'in.csv' for 'rtl run' (an input table goes after --input)",
            UsageErrors.Describe(RtlCommand.Parse(["run", "p.json", "in.csv"])));

    [Fact]
    public void An_option_another_verb_takes_is_refused_for_this_one() =>
        Assert.Equal("unknown option --output for 'rtl submit'", UsageErrors.Describe(RtlCommand.Parse(["submit", "p.json", "--output", "out.csv"])));

    [Fact]
    public void An_option_given_twice_takes_its_last_value_and_one_value_each_time()
    {
        var line = RtlCommand.Parse(["silo", "--files-root", "/srv/rtl", "--silo-port", "1", "--files-root", "/srv/other", "--silo-port", "2"]);

        Assert.Null(UsageErrors.Describe(line));
        Assert.Equal("/srv/other", line.GetValue(CliOptions.FilesRoot));
        Assert.Equal(2, line.GetValue(CliOptions.SiloPort));
        Assert.Equal("unexpected argument 'b.csv' for 'rtl run' (an input table goes after --input)",
            UsageErrors.Describe(RtlCommand.Parse(["run", "p.json", "--input", "a.csv", "b.csv"])));
    }

    [Fact]
    public void A_sink_may_be_given_more_than_once_and_keeps_its_order()
    {
        var line = RtlCommand.Parse(["stream", "add", "s", "p.json", "--window", "10", "--sink", "file:a.csv", "--sink", "mqtt://h:1883/t"]);

        Assert.Null(UsageErrors.Describe(line));
        Assert.Equal(["file:a.csv", "mqtt://h:1883/t"], line.GetValue(CliOptions.Sinks)!);
    }

    [Fact]
    public void An_at_sign_is_a_name_not_a_response_file() =>
        Assert.Equal("@nightly", RtlCommand.Parse(["run", "@nightly"]).GetValue(CliArguments.Pipeline));

    [Theory]
    [InlineData("--version")]
    [InlineData("version")]
    [InlineData("--version --data-dir /d")]
    public void Version_prints_the_release_line_whatever_follows(string args) =>
        Assert.Equal(ReleaseInfo.Describe() + Environment.NewLine, EveryVerbTests.Invoke(args.Split(' ')));
}
