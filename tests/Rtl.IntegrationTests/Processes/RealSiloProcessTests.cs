using Microsoft.Data.Sqlite;
using Rtl.Client;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>Two real <c>rtl</c> silo processes started with <c>rtl start</c> on one data dir (one SQLite file).</summary>
public sealed class RealSilos : IAsyncLifetime
{
    public static readonly TimeSpan Command = TimeSpan.FromMinutes(2);

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "rtl-procs-" + Guid.NewGuid().ToString("N"));

    public string Files { get; } = Path.Combine(Path.GetTempPath(), "rtl-files-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        for (var i = 0; i < 2; i++)
        {
            var started = await Rtl("start", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", FreePorts.Next().ToString(),
                "--files-root", Files);
            Assert.True(started.ExitCode == 0, started.ToString());
        }
    }

    public async Task DisposeAsync()
    {
        var stopped = await Rtl("stop");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Directory.Delete(Files, recursive: true);
        Directory.Delete(DataDir, recursive: true);
    }

    public Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(Files, Command, [.. args, "--data-dir", DataDir]);
}

/// <summary>The CLI and the client SDK against two real silo processes sharing one SQLite file.</summary>
public sealed class RealSiloProcessTests(RealSilos silos) : IClassFixture<RealSilos>
{
    private readonly string dataDir = silos.DataDir;
    private readonly string files = silos.Files;

    [Fact]
    public async Task Status_lists_both_silos_whose_rows_are_in_the_sqlite_file()
    {
        var status = await Rtl("status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("2 active silo(s)", status.Stdout);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "rtl.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3";
        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Run_reads_input_csv_and_writes_output_csv_printing_the_seed_lines()
    {
        await File.WriteAllTextAsync(Path.Combine(files, "in.csv"), "a,b\n1,0.5\n2,1.5\n3,-2.25\n");
        await File.WriteAllTextAsync(Path.Combine(files, "p.json"),
            """{"0": {"tasks": {"task_add": {"operations": [{"a": "a", "b": "b", "column": "c"}]}}}}""");
        var run = await Rtl("run", Path.Combine(files, "p.json"), "--input", Path.Combine(files, "in.csv"), "--output", Path.Combine(files, "out.csv"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Running: 0 - [0-9a-f-]{36}", run.Stdout);
        Assert.Contains("Running: add", run.Stdout);
        Assert.Matches(@"Completed: \d+\.\d\d ms add", run.Stdout);
        Assert.Contains("Total Elapsed Time:", run.Stdout);
        var output = TableFiles.Read(Path.Combine(files, "out.csv"));
        Assert.Equal([1.5, 3.5, 0.75], output["c"].AsDoubles().ToArray());
        Assert.Equal([1.0, 2, 3], output["a"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task An_unknown_task_fails_with_its_name_and_a_non_zero_exit()
    {
        await File.WriteAllTextAsync(Path.Combine(files, "bad.json"), """{"stages": [{"tasks": [{"task": "frobnicate"}]}]}""");
        var run = await Rtl("run", Path.Combine(files, "bad.json"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("unknown task 'frobnicate'", run.Stderr);
    }

    [Fact]
    public async Task Named_pipelines_and_submitted_jobs_are_stored_and_listed()
    {
        await File.WriteAllTextAsync(Path.Combine(files, "p.json"),
            """{"stages": [{"tasks": [{"task": "multiply", "operations": [{"a": "a", "b": 10, "column": "t"}]}]}]}""");
        await File.WriteAllTextAsync(Path.Combine(files, "in.csv"), "a\n1\n2\n");
        Assert.Equal(0, (await Rtl("pipeline", "add", "tenfold", Path.Combine(files, "p.json"))).ExitCode);
        var list = await Rtl("pipeline", "list");
        Assert.Contains("tenfold", list.Stdout);

        var submitted = await Rtl("submit", "tenfold", "--input", Path.Combine(files, "in.csv"), "--wait");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = submitted.Stdout.Split('\n')[0].Trim();
        var jobs = await Rtl("jobs");
        Assert.Contains(id, jobs.Stdout);
        var job = await Rtl("job", id, "--output", Path.Combine(files, "result.csv"));
        Assert.True(job.ExitCode == 0, job.ToString());
        Assert.Contains("completed", job.Stdout);
        Assert.Equal([10.0, 20], TableFiles.Read(Path.Combine(files, "result.csv"))["t"].AsDoubles().ToArray());
        Assert.Equal(0, (await Rtl("pipeline", "remove", "tenfold")).ExitCode);
    }

    [Fact]
    public async Task A_2_000_000_row_dat_goes_through_open_array_and_add_intact()
    {
        const int rows = 2_000_000;
        var a = new long[rows];
        var b = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            a[i] = i;
            b[i] = i * 0.5;
        }

        TableFiles.Write(Path.Combine(files, "big.dat"), Table.Create(("a", Column.Of(a)), ("b", Column.Of(b))));
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir });
        var pipeline = Pipeline.Builder()
            .Stage(s => s.Task("open_array", new { path = ".", filename = "big", extension = "dat" }))
            .Stage(s => s.Task("add", new { operations = new[] { new { a = "a", b = "b", column = "c" } } }))
            .Build();
        var result = await client.RunAsync(pipeline);
        var table = result.Table!;
        Assert.Equal(rows, table.RowCount);
        var c = table["c"].AsDoubles();
        var readA = ((Column<long>)table["a"]).Span;
        for (var i = 0; i < rows; i++)
        {
            if (c[i] != i * 1.5 || readA[i] != i)
            {
                Assert.Fail($"row {i}: a={readA[i]}, c={c[i]}");
            }
        }
    }

    [Fact]
    public async Task Back_to_back_and_concurrent_calls_all_get_their_own_reply()
    {
        await using var client = await RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir });
        var pipeline = Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } })).Build();
        for (var i = 0; i < 200; i++)
        {
            var result = await client.RunAsync(pipeline, Table.Create(("x", Column.Of((double)i))));
            Assert.Equal(i + 1.0, result.Table!["y"].GetDouble(0));
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.RunAsync(pipeline, Table.Create(("x", Column.Of((double)i))))));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(i + 1.0, concurrent[i].Table!["y"].GetDouble(0));
        }
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) => silos.Rtl(args);
}
