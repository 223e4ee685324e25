using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.Tests.Cli;

/// <summary><c>rtl restart</c> starts each silo with the flags it ran with (from /proc/PID/cmdline), those given to restart winning.</summary>
public sealed class RestartFlagsTests
{
    private static readonly string[] RanWith =
        ["--data-dir", "/d", "--silo-port", "11111", "--gateway-port", "30000", "--cluster-id", "c", "--chunking", "--chunk-rows", "5",
         "--storage", "sqlite", "--max-table-bytes", "1000", "--debug"];

    [Fact]
    public void The_flags_a_silo_ran_with_are_kept()
    {
        var again = RestartCommand.WithGiven(RanWith, RtlCommand.Parse(["restart"]));

        Assert.Null(UsageErrors.Describe(again));
        Assert.Equal(11111, again.GetValue(CliOptions.SiloPort));
        Assert.Equal(30000, again.GetValue(CliOptions.GatewayPort));
        Assert.Equal("/d", again.GetValue(CliOptions.DataDir));
        Assert.True(again.GetValue(CliOptions.Chunking));
        Assert.True(again.GetValue(CliOptions.Debug));
        Assert.Equal(5, again.GetValue(CliOptions.ChunkRows));
        Assert.Equal(1000, again.GetValue(CliOptions.MaxTableBytes));
    }

    [Fact]
    public void A_flag_given_to_restart_replaces_the_silos_own_and_a_new_one_is_added()
    {
        var again = RestartCommand.WithGiven(RanWith, RtlCommand.Parse(["restart", "--gateway-port", "30001", "--no-dashboard", "--data-dir", "/d"]));

        Assert.Null(UsageErrors.Describe(again));
        Assert.Equal(30001, again.GetValue(CliOptions.GatewayPort));
        Assert.Equal(11111, again.GetValue(CliOptions.SiloPort));
        Assert.True(again.GetValue(CliOptions.NoDashboard));
        Assert.Equal("/d", again.GetValue(CliOptions.DataDir));
    }

    [Fact]
    public void A_flag_a_newer_rtl_no_longer_takes_is_dropped_not_fatal()
    {
        var again = RestartCommand.WithGiven([.. RanWith, "--retired-flag", "1"], RtlCommand.Parse(["restart"]));

        Assert.Null(UsageErrors.Describe(again));
        Assert.Equal(11111, again.GetValue(CliOptions.SiloPort));
    }
}
