using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.IntegrationTests.Cli;

/// <summary>The hand-written parser in process: what it accepts, and the token it names when it refuses.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Options_go_anywhere_and_take_their_value_after_a_space_or_an_equals_sign()
    {
        var line = new CommandLine(["run", "--input", "in.csv", "p.json", "--output=out.csv", "--embedded"]);

        Assert.Equal("run", line.Verb);
        Assert.Equal(["p.json"], line.Positionals);
        Assert.Equal("in.csv", line.Option("input"));
        Assert.Equal("out.csv", line.Option("output"));
        Assert.True(line.Has("embedded"));
        line.RejectUnknown();
        line.RejectExtra(1);
    }

    [Theory]
    [InlineData("-i")]
    [InlineData("-v")]
    [InlineData("-count")]
    public void A_short_flag_other_than_h_is_refused_by_name(string flag)
    {
        var error = Assert.Throws<UsageException>(() => new CommandLine(["run", "p.json", flag, "in.csv"]));

        Assert.Equal($"unknown option '{flag}' (options are spelled --name)", error.Message);
    }

    [Fact]
    public void A_negative_number_is_an_options_value_not_a_flag()
    {
        var line = new CommandLine(["jobs", "--count", "-1"]);

        Assert.Equal(-1, line.IntOption("count"));
    }

    [Fact]
    public void A_stray_argument_is_named_with_where_an_input_table_goes()
    {
        var line = new CommandLine(["run", "p.json", "in.csv"]);

        var error = Assert.Throws<UsageException>(() => line.RejectExtra(1));

        Assert.Equal("unexpected argument 'in.csv' for 'rtl run' (an input table goes after --input)", error.Message);
    }

    [Fact]
    public void An_option_another_verb_takes_is_refused_for_this_one()
    {
        var line = new CommandLine(["submit", "p.json", "--output", "out.csv"]);

        var error = Assert.Throws<UsageException>(line.RejectUnknown);

        Assert.Equal("unknown option --output for 'rtl submit'", error.Message);
    }
}
