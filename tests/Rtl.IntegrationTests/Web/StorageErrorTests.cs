using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rtl.IntegrationTests.Hosts;
using Rtl.IntegrationTests.Processes;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>
/// A real silo whose data dir is a 4 MiB disk of its own (a tmpfs mounted in a mount namespace of its own, so nothing
/// outside sees it), to fill up on purpose.
/// </summary>
public sealed class SmallDiskSilo : IAsyncLifetime
{
    public const int DiskBytes = 4 << 20;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("rtl-small-disk-").FullName;

    public int WebPort { get; } = FreePorts.Next();

    private Process? silo;

    public async Task InitializeAsync()
    {
        if (HiddenDirs.Unavailable() is { } why)
        {
            throw new InvalidOperationException($"a disk of its own needs a mount namespace: {why}");
        }

        var start = new ProcessStartInfo("unshare") { UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        string[] command = ["--mount", "--propagation", "private", "--", "/bin/sh", "-c",
            $"exec >\"$0.log\" 2>&1; mount -t tmpfs -o size={DiskBytes} tmpfs \"$0\" && exec \"$@\"", DataDir,
            "dotnet", RtlProcess.RtlDll, "silo", "--data-dir", DataDir, "--no-dashboard",
            "--silo-port", Port(), "--gateway-port", Port(), "--web-port", WebPort.ToString(CultureInfo.InvariantCulture)];
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        silo = Process.Start(start)!;
        using var http = Client();
        var waited = Stopwatch.StartNew();
        while (!await Answers(http))
        {
            if (silo.HasExited)
            {
                var log = DataDir + ".log";
                Assert.Fail($"the silo exited ({silo.ExitCode}): {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the silo's web app did not answer within 2 minutes");
            await Task.Delay(200);
        }
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromMinutes(2) };

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }

        Directory.Delete(DataDir, recursive: true);
        File.Delete(DataDir + ".log");
    }

    private static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> Answers(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/api/jobs?count=1");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

/// <summary>Errors that are not the request's fault, and requests the API does not take: each a JSON answer with the right status.</summary>
public sealed class StorageErrorTests(SmallDiskSilo silo) : IClassFixture<SmallDiskSilo>
{
    [Fact]
    public async Task A_full_disk_is_a_507_naming_it_and_a_job_that_fits_still_runs()
    {
        using var client = silo.Client();
        var values = string.Join(",", Enumerable.Range(0, 1_000_000)); // 8 MB as <i8>, twice the disk
        var body = """{"pipeline": {"stages": [{"tasks": [{"task": "null"}]}]}, "table": {"columns": {"a": [""" + values + "]}}}";

        using var response = await client.PostAsync("/api/jobs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.StartsWith("POST /api/jobs failed: the silo's storage is full (No space left on device", error);
        Assert.Empty(Directory.GetFiles(silo.DataDir, "*.partial-*", SearchOption.AllDirectories));
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")] // what curl -d sends
    public async Task A_body_that_is_not_json_is_a_415_saying_what_to_send(string type)
    {
        using var client = silo.Client();

        using var response = await client.PostAsync("/api/jobs", new StringContent(WebSiloFixture.GoodJob, Encoding.UTF8, type));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith($"POST /api/jobs takes a JSON body (Content-Type: application/json) or multipart/form-data with a .npy table, not {type}",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Fact]
    public async Task A_query_value_that_is_not_a_number_is_a_400_with_a_body()
    {
        using var client = silo.Client();

        using var response = await client.GetAsync("/api/jobs?count=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains("count", error);
        Assert.Contains("abc", error);
    }
}
