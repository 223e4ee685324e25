using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Rtl.IntegrationTests.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Processes;

/// <summary>
/// A data dir whose silos have stopped (its database remains, listing them): <c>run</c>, <c>submit</c> and
/// <c>jobs</c> say no silo is running at once, from the membership table, instead of waiting 20 s for gateways.
/// </summary>
public sealed class StoppedClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    /// <summary>The whole process, start-up included; waiting for gateways took the 20 s ConnectTimeout.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    private readonly RtlSilos silos = new();

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(silos.Files, "p.json"), """{"stages": [{"tasks": [{"task": "null"}]}]}""");
        var silo = await silos.StartSiloAsync();
        await silos.StopSiloAsync(silo);
    }

    public async Task DisposeAsync() => await silos.DisposeAsync();

    [Fact]
    public async Task A_cluster_whose_silos_left_is_reported_as_not_running_within_seconds()
    {
        await AssertEachSaysNoSilo("no silo of cluster");
    }

    [Fact]
    public async Task A_silo_killed_while_listed_as_active_is_reported_as_not_running_within_seconds()
    {
        // What a silo killed with SIGKILL leaves: its row still says Active, but nothing listens on its gateway port.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(silos.DataDir, "rtl.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE OrleansMembershipTable SET Status = 3";
            Assert.True(await command.ExecuteNonQueryAsync() > 0, "the stopped silo left no row");
        }

        await AssertEachSaysNoSilo("do not answer at");
    }

    private async Task AssertEachSaysNoSilo(string why)
    {
        foreach (var args in new[] { new[] { "run", "p.json" }, ["submit", "p.json"], ["jobs"] })
        {
            var clock = Stopwatch.StartNew();
            var outcome = await silos.Rtl(args);
            log.WriteLine($"rtl {args[0]}: {clock.Elapsed.TotalSeconds:F2} s");

            Assert.True(outcome.ExitCode == 1, outcome.ToString());
            Assert.Contains("no Rtl silo is running", outcome.Stderr);
            Assert.Contains(why, outcome.Stderr);
            Assert.DoesNotContain("Orleans", outcome.Stderr);
            Assert.True(clock.Elapsed < Promptly, $"rtl {args[0]} took {clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
