using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rtl.IntegrationTests.Processes;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>A real <c>rtl start</c> silo with default limits, whose resident memory the tests read from the kernel.</summary>
public sealed class DefaultSiloProcess : IAsyncLifetime
{
    public string DataDir { get; } = Directory.CreateTempSubdirectory("rtl-bounded-").FullName;

    public int WebPort { get; } = FreePorts.Next();

    public int Pid { get; private set; }

    public async Task InitializeAsync()
    {
        var started = await Rtl("start", "--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(),
            "--web-port", WebPort.ToString(), "--no-dashboard");
        Assert.True(started.ExitCode == 0, started.ToString());
        Pid = int.Parse(await File.ReadAllTextAsync(Directory.GetFiles(DataDir, "silo-*.pid").Single()));
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>The silo's resident memory now (VmRSS), in bytes.</summary>
    public long Rss() => ProcessState.MemoryBytes(Pid, "VmRSS");

    public async Task DisposeAsync()
    {
        await Rtl("stop");
        Directory.Delete(DataDir, recursive: true);
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(DataDir, TimeSpan.FromMinutes(3), [.. args, "--data-dir", DataDir]);
}

/// <summary>
/// The memory findings replayed over HTTP: a body of spaces, a pipeline of 200,000 stages, a table of
/// hundreds of MB under a pipeline that is refused. Each is answered, the silo's memory comes back to within
/// 100 MB of where it was, and a good job runs after it.
/// </summary>
[Collection(MemoryMeasuringCollection.Name)]
public sealed class BoundedRequestTests(DefaultSiloProcess silo) : IClassFixture<DefaultSiloProcess>
{
    private const long Slack = 100L << 20;

    public static TheoryData<string, int, string> Refused() => new()
    {
        // Was +1.9 GB of RSS, and a 58 MB jobs page ever after.
        { "200,000 null stages", 413, "the pipeline is over 1,048,576 bytes of JSON" },
        { "30,000 compact stages", 400, "the pipeline has 30,000 stages; at most 1,000 are allowed" },
        { "a 320 MB table under an unknown task", 400, "stage 0: unknown task 'nosuch'" },
        // Was +2.1 GB of RSS, kept after the request.
        { "300 MB of spaces", 400, "stage 0: unknown task 'nosuch'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_request_leaves_the_silo_within_100_MB_of_its_memory_before(string what, int status, string error)
    {
        using var client = silo.Client();
        await WebSiloFixture.AssertAGoodJobCompletes(client); // warm, so what follows is the request's alone
        var before = silo.Rss();

        using var content = new StreamContent(Body(what));
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync("/api/jobs", content);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith(error, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var after = await SettledRss(before + Slack);
        Assert.True(after <= before + Slack, $"{what}: the silo's RSS went from {before:N0} to {after:N0} bytes and stayed there");
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Fact]
    public async Task The_jobs_page_and_list_stay_small_with_the_largest_pipelines_and_the_job_page_has_every_stage()
    {
        using var client = silo.Client();
        var stage = "{\"tasks\": [" + string.Join(", ", Enumerable.Repeat("{\"task\": \"null\"}", 10)) + "]}";
        var pipeline = "{\"stages\": [" + string.Join(", ", Enumerable.Repeat(stage, 1_000)) + "]}";
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var posted = await client.PostAsync("/api/jobs", new StringContent("{\"pipeline\": " + pipeline + "}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            ids.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        foreach (var id in ids)
        {
            await Finished(client, id);
        }

        var page = await client.GetStringAsync("/");
        var list = await client.GetStringAsync("/api/jobs");
        var detail = await client.GetStringAsync($"/jobs/{ids[0]}");
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{ids[0]}");

        Assert.InRange(page.Length, 1, 256 << 10);
        Assert.InRange(list.Length, 1, 256 << 10);
        Assert.Contains("990 more stages on the job's page", page);
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().First(j => j.GetProperty("id").GetString() == ids[1]);
        Assert.Equal(1_000, listed.GetProperty("stageCount").GetInt32());
        Assert.Equal(10, listed.GetProperty("stages").GetArrayLength());
        Assert.Contains("<th>stage 999</th>", detail);
        Assert.Equal(1_000, one.GetProperty("stages").GetArrayLength());
        Assert.Equal(10, one.GetProperty("stages")[999].GetProperty("tasks").GetArrayLength());
    }

    private static async Task Finished(HttpClient client, string id)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            var status = job.GetProperty("status").GetString();
            if (status != "running")
            {
                Assert.True(status == "completed", job.ToString());
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"job {id} still running after 3 minutes");
    }

    /// <summary>The RSS once it is at most <paramref name="bound"/>, or what it still is after a generous while.</summary>
    private async Task<long> SettledRss(long bound)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        long rss;
        while ((rss = silo.Rss()) > bound && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
        }

        return rss;
    }

    private static RepeatingStream Body(string what) => what switch
    {
        "200,000 null stages" => Generated("""{"pipeline": {"stages": [""", """{"tasks": [{"task": "null"}]}, """, 200_000, """{"tasks": [{"task": "null"}]}]}}"""),
        "30,000 compact stages" => Generated("""{"pipeline":{"stages":[""", """{"tasks":[{"task":"null"}]},""", 29_999, """{"tasks":[{"task":"null"}]}]}}"""),
        "a 320 MB table under an unknown task" => Generated(
            """{"pipeline": {"stages": [{"tasks": [{"task": "nosuch"}]}]}, "table": {"columns": {"a": [""", "1.5,", 40_000_000, "2]}}}"),
        _ => Generated("""{"pipeline": {"stages": [{"tasks": [{"task": "nosuch"}]}]}, "pad": 1""", new string(' ', 1 << 16), 300 * 16, "}"),
    };

    private static RepeatingStream Generated(string head, string block, int times, string tail) =>
        new RepeatingStream(Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(block), times, Encoding.UTF8.GetBytes(tail));

    /// <summary>head + block × times + tail, made up as it is read: a body of hundreds of MB that the test never holds.</summary>
    private sealed class RepeatingStream(byte[] head, byte[] block, long times, byte[] tail) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => head.Length + block.Length * times + tail.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && position < Length)
            {
                var (source, at) = Locate(position);
                var n = Math.Min(count - written, source.Length - at);
                Array.Copy(source, at, buffer, offset + written, n);
                written += n;
                position += n;
            }

            return written;
        }

        private (byte[] Source, int At) Locate(long at)
        {
            if (at < head.Length)
            {
                return (head, (int)at);
            }

            at -= head.Length;
            return at < block.Length * times ? (block, (int)(at % block.Length)) : (tail, (int)(at - block.Length * times));
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure a silo's memory run one at a time: another test's load would move the figure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "memory measuring";
}
