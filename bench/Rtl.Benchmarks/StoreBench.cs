using Npgsql;
using Rtl.Data;
using Rtl.Grains.Storage;
using Rtl.Silo.Storage;

namespace Rtl.Benchmarks;

/// <summary>
/// E. The job store: a 64 MB result table into and out of PostgreSQL (the store of a cluster of hosts) against
/// the same table into and out of the data dir (the store of one host), measured in the same run. Needs a
/// PostgreSQL server whose user may create a database: <c>RTL_TEST_POSTGRES</c>, as the tests take it.
/// </summary>
public static class StoreBench
{
    public const string Variable = "RTL_TEST_POSTGRES";

    private const int Rows = 2_000_000;

    public static async Task Run(Report report, Budget budget, string root, string section)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } admin)
        {
            Console.WriteLine($"  skipped: set {Variable} to a PostgreSQL connection string whose user may CREATE DATABASE");
            return;
        }

        var table = Table.Create(Enumerable.Range(0, 4).Select(c => KeyValuePair.Create($"c{c}",
            (Column)Column.Of(Enumerable.Range(0, Rows).Select(i => (i * 0.37) + c).ToArray()))));
        var megabytes = Rows * 4 * 8 / 1e6;
        var database = $"rtl_bench_{Environment.ProcessId}";
        await Execute(admin, $"CREATE DATABASE {database}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            PostgresSchema.EnsureCreated(connection);
            await using var source = NpgsqlDataSource.Create(connection);
            var postgres = new PostgresJobStore(source);
            var files = new FileJobStore(Path.Combine(root, "store"));
            var storeBudget = budget with { Warmup = 1, MinReps = Math.Min(budget.MinReps, 5) };
            var job = Guid.NewGuid();

            var pgWrite = await Measure.RunAsync(storeBudget, () => JobTables.WriteAsync(postgres, job, BlobNames.Result, table));
            var fileWrite = await Measure.RunAsync(storeBudget, () => JobTables.WriteAsync(files, job, BlobNames.Result, table));
            Add(report, section, "write", megabytes, pgWrite, fileWrite);
            var pgRead = await Measure.RunAsync(storeBudget, () => JobTables.ReadAsync(postgres, job, BlobNames.Result));
            var fileRead = await Measure.RunAsync(storeBudget, () => JobTables.ReadAsync(files, job, BlobNames.Result));
            Add(report, section, "read", megabytes, pgRead, fileRead);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static void Add(Report report, string section, string direction, double megabytes, Samples postgres, Samples files)
    {
        var rate = megabytes / (postgres.Median / 1000);
        var baseRate = megabytes / (files.Median / 1000);
        report.Add(new Row(section,
            $"job store {direction}, {megabytes:F0} MB result table as .npy — PostgreSQL (1 MB bytea parts) vs the data dir's files",
            $"{rate:F0} MB/s ({Report.Ms(postgres.Median)})", $"{baseRate:F0} MB/s ({Report.Ms(files.Median)})",
            rate / baseRate, "—", null,
            $"ratio is throughput PostgreSQL/files; {1000 / rate:F1} ms per MB; n={postgres.Count}/{files.Count}"));
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
