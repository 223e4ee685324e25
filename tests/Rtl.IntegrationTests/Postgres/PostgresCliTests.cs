using Xunit;

namespace Rtl.IntegrationTests.Postgres;

/// <summary>The <c>rtl</c> CLI reaching a PostgreSQL cluster of two silos through <c>--storage</c>/<c>--connection-string</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCliTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Status_run_and_pipeline_commands_work_against_a_postgres_cluster()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var silos = new RtlSilos(o => (o.Storage, o.ConnectionString) = ("postgres", connectionString));
        await silos.StartSiloAsync();
        await silos.StartSiloAsync();
        await File.WriteAllTextAsync(Path.Combine(silos.Files, "in.csv"), "a,b\n1,0.5\n2,1.5\n");
        await File.WriteAllTextAsync(Path.Combine(silos.Files, "p.json"),
            """{"0": {"tasks": {"task_add": {"operations": [{"a": "a", "b": "b", "column": "c"}]}}}}""");

        var status = await silos.Rtl("status");
        var run = await silos.Rtl("run", "p.json", "--input", "in.csv", "--output", "out.csv");
        var added = await silos.Rtl("pipeline", "add", "sum", "p.json");
        var listed = await silos.Rtl("pipeline", "list");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("2 active silo(s)", status.Stdout);
        Assert.Contains("PostgreSQL host 127.0.0.1", status.Stdout);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a,b,c\n1,0.5,1.5\n2,1.5,3.5\n", (await File.ReadAllTextAsync(Path.Combine(silos.Files, "out.csv"))).ReplaceLineEndings("\n"));
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("sum", listed.Stdout);
        Assert.Equal(1L, await PostgresServer.QueryAsync<long>(connectionString,
            "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = 'sum' AND PayloadBinary IS NOT NULL"));
    }
}
