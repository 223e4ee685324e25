using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Pipelines;

namespace Rtl.Benchmarks;

/// <summary>
/// D. Load: two in-process <see cref="Rtl.Silo.Hosting.SiloHost"/> silos on one SQLite file, 16 separate
/// <see cref="RtlClient"/>s (each its own Orleans client through a gateway), many small jobs each with its own
/// 3-row input. Throughput and per-job latency, and a count of jobs lost or wrong (which must be 0).
/// </summary>
public static class LoadBench
{
    public const int Clients = 16;
    public const int InFlightPerClient = 4;

    /// <summary>Per job: y = (x + 0.5) * 3, z = y - id (the same pipeline as tests/…/Load/LoadTests).</summary>
    private static readonly Pipeline Pipeline = Pipeline.Builder()
        .Stage(s => s
            .Task("add", new { operations = new[] { new { a = "x", b = 0.5, column = "h" } } })
            .Task("multiply", new { operations = new[] { new { a = "h", b = 3, column = "y" } } }))
        .Stage(s => s.Task("subtract", new { operations = new[] { new { a = "y", b = "id", column = "z" } } }))
        .Build();

    public static async Task Run(DataSets data, Report report, bool quick, string section, string header)
    {
        var directJobs = quick ? 2_000 : 10_000;
        var durableJobs = quick ? 500 : 2_000;
        var rounds = quick ? 1 : 3;
        var first = report.Rows.Count;
        var dataDir = Path.Combine(data.Root, "load");
        Directory.CreateDirectory(data.FilesRoot);
        var cluster = "load-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<IHost>();
        var clients = new List<RtlClient>();
        try
        {
            silos.Add(await EndToEndBench.StartSilo(dataDir, data.FilesRoot, cluster));
            silos.Add(await EndToEndBench.StartSilo(dataDir, data.FilesRoot, cluster));
            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir, ClusterId = cluster, Timeout = TimeSpan.FromMinutes(5) }));
            }

            await Direct(clients, 1_000, 0); // warm-up: activations, JIT, connections

            var rates = new List<double>();
            var latencies = new List<double>();
            var bad = 0;
            for (var round = 0; round < rounds; round++)
            {
                var (rate, times, wrong) = await Direct(clients, directJobs, (round + 1) * directJobs);
                rates.Add(rate);
                latencies.AddRange(times);
                bad += wrong;
            }

            var latency = new Samples(latencies);
            var what = $"{directJobs:N0} `RunAsync` jobs (3-row input, 2 stages: add, multiply / subtract), {Clients} clients × {InFlightPerClient} in flight, 2 silos";
            report.Add(new Row(section, $"{what}: throughput", $"{new Samples(rates).Median:N0} jobs/s", "—", double.NaN, "none lost, none wrong", bad == 0,
                $"median of {rounds} rounds ({string.Join(", ", rates.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} jobs/s); {bad} lost or wrong of {rounds * directJobs:N0}"));
            report.Add(new Row(section, "… per-job latency under that load: p50 / p99", Report.Ms(latency.Median), Report.Ms(latency.P99), double.NaN, "—", null,
                $"baseline column is the p99; n={latency.Count}"));

            var sqlite = RawSqliteCommits(Path.Combine(data.Root, "raw-sqlite.db"), quick ? 1_000 : 4_000);
            var durableRates = new List<double>();
            var submits = new List<double>();
            var completions = new List<double>();
            var durableBad = 0;
            for (var round = 0; round < rounds; round++)
            {
                var result = await Durable(clients, durableJobs, 1_000_000 + (round * durableJobs));
                durableRates.Add(result.Rate);
                submits.AddRange(result.Submit);
                completions.AddRange(result.Complete);
                durableBad += result.Wrong;
            }

            var durableRate = new Samples(durableRates).Median;
            var submit = new Samples(submits);
            var complete = new Samples(completions);
            report.Add(new Row(section, $"{durableJobs:N0} durable jobs (`SubmitAsync`, then `WaitAsync` + `GetJobResultAsync`), same clients: completed jobs/s (baseline: raw SQLite single-row commits/s, WAL + synchronous=NORMAL, {Clients} writers, same disk)",
                $"{durableRate:N0} jobs/s", $"{sqlite:N0} commits/s", durableRate / sqlite, "none lost, none wrong", durableBad == 0,
                $"median of {rounds} rounds ({string.Join(", ", durableRates.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} jobs/s), first submit to last result read; {durableBad} lost, failed or wrong of {rounds * durableJobs:N0}"));
            report.Add(new Row(section, "… `SubmitAsync` latency (record + input persisted): p50 / p99", Report.Ms(submit.Median), Report.Ms(submit.P99), double.NaN, "—", null,
                $"baseline column is the p99; n={submit.Count}"));
            report.Add(new Row(section, "… submit → completed seen by `WaitAsync`: p50 / p99", Report.Ms(complete.Median), Report.Ms(complete.P99), double.NaN, "—", null,
                $"baseline column is the p99; includes `WaitAsync`'s polling (20 ms doubling to 500 ms); n={complete.Count}"));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            foreach (var host in Enumerable.Reverse(silos))
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
                host.Dispose();
            }
        }

        var results = Path.Combine(Numpy.BenchDir, "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, quick ? "load-quick.md" : "load.md");
        File.WriteAllText(file, Markdown(header, section, report.Rows.Skip(first)));
        Console.WriteLine($"  written to {file}");
    }

    /// <summary>Job j's input: three rows whose values encode j.</summary>
    private static Table Input(int job) => Table.Create(
        ("id", Column.Of((double)job, job, job)),
        ("x", Column.Of(job * 3.0, (job * 3.0) + 1, (job * 3.0) + 2)));

    private static bool Right(int job, Table? table)
    {
        if (table is not { RowCount: 3 })
        {
            return false;
        }

        for (var row = 0; row < 3; row++)
        {
            var x = (job * 3.0) + row;
            if (table["id"].GetDouble(row) != job || table["x"].GetDouble(row) != x || table["z"].GetDouble(row) != ((x + 0.5) * 3) - job)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<(double Rate, List<double> Latencies, int Wrong)> Direct(List<RtlClient> clients, int count, int offset)
    {
        var times = new ConcurrentBag<double>();
        var wrong = 0;
        var clock = Stopwatch.StartNew();
        await ForEachJob(clients, count, async (client, job) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var result = await client.RunAsync(Pipeline, Input(offset + job));
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!Right(offset + job, result.Table))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
            catch (Exception e) when (e is RtlJobException or RtlConnectionException)
            {
                Interlocked.Increment(ref wrong);
            }
        });
        return (count / clock.Elapsed.TotalSeconds, [.. times], wrong);
    }

    private static async Task<(double Rate, List<double> Submit, List<double> Complete, int Wrong)> Durable(List<RtlClient> clients, int count, int offset)
    {
        var submits = new ConcurrentBag<double>();
        var completes = new ConcurrentBag<double>();
        var wrong = 0;
        var clock = Stopwatch.StartNew();
        await ForEachJob(clients, count, async (client, job) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var record = await client.SubmitAsync(Pipeline, Input(offset + job));
                submits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                var done = await client.WaitAsync(record.Id, TimeSpan.FromMinutes(5));
                completes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (done.Status != JobStatus.Completed || !Right(offset + job, await client.GetJobResultAsync(record.Id)))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
            catch (Exception e) when (e is RtlJobException or RtlConnectionException)
            {
                Interlocked.Increment(ref wrong);
            }
        });
        return (count / clock.Elapsed.TotalSeconds, [.. submits], [.. completes], wrong);
    }

    /// <summary>Jobs 0..count-1 dealt to the clients in turn; each client keeps <see cref="InFlightPerClient"/> in flight.</summary>
    private static Task ForEachJob(List<RtlClient> clients, int count, Func<RtlClient, int, Task> run) =>
        Task.WhenAll(Enumerable.Range(0, clients.Count).SelectMany(c => Enumerable.Range(0, InFlightPerClient).Select(async lane =>
        {
            for (var job = c + (lane * clients.Count); job < count; job += clients.Count * InFlightPerClient)
            {
                await run(clients[c], job);
            }
        })));

    /// <summary>Single-row INSERT commits per second from <see cref="Clients"/> writers, with the silos' pragmas.</summary>
    private static double RawSqliteCommits(string path, int count)
    {
        using (var setup = Open(path))
        {
            Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
        }

        var body = new byte[512];
        Random.Shared.NextBytes(body);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Clients, new ParallelOptions { MaxDegreeOfParallelism = Clients }, writer =>
        {
            using var connection = Open(path);
            for (var i = writer; i < count; i += Clients)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO t (id, body) VALUES ($id, $body)";
                insert.Parameters.AddWithValue("$id", i);
                insert.Parameters.AddWithValue("$body", body);
                insert.ExecuteNonQuery();
            }
        });
        var rate = count / clock.Elapsed.TotalSeconds;
        SqliteConnection.ClearAllPools();
        return rate;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Markdown(string header, string section, IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(header);
        text.AppendLine();
        text.AppendLine($"### {section}");
        text.AppendLine();
        text.AppendLine("| measure | Rtl median | baseline median | ratio Rtl/baseline | target | met? | note |");
        text.AppendLine("|---|---:|---:|---:|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine($"| {row.Measure} | {row.Rtl} | {row.Baseline} | {Report.Format(row.Ratio, 2)} | {row.Target} | {Report.Verdict(row.Met)} | {row.Note} |");
        }

        return text.ToString();
    }
}
