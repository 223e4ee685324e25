using System.Net;
using System.Net.Http.Json;
using System.Text;
using Rtl.Client;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.IntegrationTests.Processes;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>
/// A real <c>rtl start</c> silo with a 32 MiB <c>MemoryBudget</c> and, in its files root, a 1,000,000-row
/// <c>.dat</c> of two <c>&lt;f8</c> columns (16 MB): small enough to open, too big to sort within the budget.
/// </summary>
public sealed class CostSiloFixture : IAsyncLifetime
{
    public const long Budget = 32 << 20;
    public const int FileRows = 1_000_000;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("rtl-cost-").FullName;

    public string Files => Path.Combine(DataDir, "files");

    public int WebPort { get; } = FreePorts.Next();

    public int Pid { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Files, "raw"));
        var x = Column.Of(Enumerable.Range(0, FileRows).Select(i => (double)(FileRows - i)).ToArray());
        var table = Table.Create(("x", x), ("y", Column.Of(new double[FileRows])));
        DatFile.Write(Path.Combine(Files, "raw", "big.dat"), table);
        MetaFile.Write(Path.Combine(Files, "raw", "big.meta"), table.Schema);
        var started = await Rtl("start", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(),
            "--web-port", WebPort.ToString(), "--files-root", Files, "--memory-budget", Budget.ToString());
        Assert.True(started.ExitCode == 0, started.ToString());
        Pid = int.Parse(await File.ReadAllTextAsync(Directory.GetFiles(DataDir, "silo-*.pid").Single()));
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromMinutes(1) };

    public Task<RtlClient> Connect() => RtlClient.ConnectAsync(new RtlClientOptions { DataDir = DataDir, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>The silo's peak resident memory so far (VmHWM), in bytes, as the kernel counts it.</summary>
    public long PeakRss() => ProcessState.MemoryBytes(Pid, "VmHWM");

    public async Task DisposeAsync()
    {
        await Rtl("stop");
        Directory.Delete(DataDir, recursive: true);
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(DataDir, TimeSpan.FromMinutes(3), [.. args, "--data-dir", DataDir]);
}

/// <summary>
/// The poison jobs and their smaller kin, posted to a real silo: each is refused at submit with a 400 naming
/// stage, task and argument, the silo's peak memory does not move, and a good job runs after them.
/// </summary>
public sealed class HttpCostTests(CostSiloFixture silo) : IClassFixture<CostSiloFixture>
{
    private const string Abc = """{"columns": {"a": [1, 2, 3]}}""";

    private const string SortTheFile = """
        {"stages": [{"tasks": [{"task": "open_array", "path": "raw", "filename": "big", "extension": "dat"},
                               {"task": "sort", "column": "x", "kind": "stable"}]}]}
        """;

    public static TheoryData<string, string> Refused() => new()
    {
        // Took the silo to 9.6 GB at ~150 MB/s, and again after every restart.
        { """{"pipeline": {"stages": [{"tasks": [{"task": "simple_plot", "plots": {"h": [{"x": "a", "type": "histogram", "bins": 2000000000}]}}]}]}, "table": """ + Abc + "}",
            "stage 0, task 'simple_plot', plots.h[0].bins: expected an integer from 1 to 10,000, got 2000000000" },
        // +765 MB.
        { """{"pipeline": {"stages": [{"tasks": [{"task": "histogram", "operations": [{"a": "a", "bins": 1e8, "column": "h"}]}]}]}, "table": """ + Abc + "}",
            "stage 0, task 'histogram', operations[0].bins: expected an integer from 1 to 1,000,000, got 100000000" },
        { """{"pipeline": {"stages": [{"tasks": [{"task": "difference", "operations": [{"a": "a", "periods": -2, "column": "d"}]}]}]}, "table": """ + Abc + "}",
            "stage 0, task 'difference', operations[0].periods: expected an integer >= 0, got -2" },
        { """{"pipeline": {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "a", "b": 1e999, "column": "d"}]}]}]}, "table": """ + Abc + "}",
            "stage 0, task 'add', operations[0].b: the number 1e999 is out of range of a double" },
        { """{"pipeline": {"stages": [{"tasks": [{"task": "null"}]}]}, "table": {"columns": {"a": [1, 1e999, 3]}}}""",
            "table.columns.a[1]: the number 1e999 is out of range of a double" },
        // Over the budget: sorting 1,000,000 rows of 16 bytes orders them (24 bytes a row) and gathers them again.
        { """{"pipeline": """ + SortTheFile + "}",
            "stage 0, task 'sort', column: needs at most 40,049,152 bytes (column: 1,000,000 rows × 24 bytes to order them by 1 key column; " },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_poison_job_is_a_400_at_submit_naming_stage_task_and_argument_and_costs_the_silo_nothing(string body, string error)
    {
        using var client = silo.Client();
        await WebSiloFixture.AssertAGoodJobCompletes(client); // warm: the peak below is the refusal's alone
        var before = silo.PeakRss();

        var response = await client.PostAsync("/api/jobs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());
        Assert.True(silo.PeakRss() - before < 32 << 20, $"the silo's peak RSS grew from {before:N0} to {silo.PeakRss():N0} bytes");
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Fact]
    public async Task A_job_over_the_budget_names_it_and_a_job_within_it_over_the_same_file_runs()
    {
        using var client = silo.Client();
        var response = await client.PostAsync("/api/jobs", new StringContent("""{"pipeline": """ + SortTheFile + "}", Encoding.UTF8, "application/json"));
        var error = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString();

        Assert.Contains("stage 0 as a whole needs at most 56,049,152 bytes with its tables, over this silo's memory budget of 33,554,432 bytes (MemoryBudget, --memory-budget)", error);
        await using var rtl = await silo.Connect();
        var opened = await rtl.RunAsync(Pipeline.FromJson("""
            {"stages": [{"tasks": [{"task": "open_array", "path": "raw", "filename": "big", "extension": "dat"},
                                   {"task": "add", "operations": [{"a": "x", "b": 1, "column": "z"}]}]}]}
            """));
        Assert.Equal(CostSiloFixture.FileRows, opened.Table!.RowCount);
    }

    [Fact]
    public async Task A_durable_job_over_the_budget_submitted_through_the_SDK_fails_once_before_it_runs_and_is_not_tried_again()
    {
        await using var rtl = await silo.Connect();

        var job = await rtl.SubmitAsync(Pipeline.FromJson(SortTheFile));
        var record = await rtl.WaitAsync(job.Id, TimeSpan.FromMinutes(2));

        Assert.Equal(JobStatus.Failed, record.Status);
        Assert.StartsWith("stage 0, task 'sort', column: needs at most 40,049,152 bytes", record.Error);
        Assert.Equal(1, record.Attempts);
        Assert.Empty(record.Stages);
    }
}
