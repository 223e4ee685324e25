using System.Net.Http.Json;
using System.Text.Json;
using Rtl.Benchmarks;
using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Processes;
using Rtl.Streams;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Streams;

/// <summary>DataNodes against a real mosquitto broker and a real `rtl start` silo: MQTT in and out, bad messages, restarts, HTTP and the SDK.</summary>
public sealed class MqttStreamTests(ITestOutputHelper output) : IDisposable
{
    private const string AddSensor = """{"stages": [{"tasks": [{"task": "add", "operations": [{"a": "temperature", "b": "sensor", "column": "t2"}]}]}]}""";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-streams-").FullName;
    private readonly MosquittoBroker broker = MosquittoBroker.Start(FreePorts.Next());
    private readonly string[] ports = ["--silo-port", FreePorts.Next().ToString(), "--gateway-port", FreePorts.Next().ToString(), "--web-port", FreePorts.Next().ToString()];

    [Fact]
    public async Task Ten_thousand_readings_become_a_hundred_windows_on_the_sink_topic_in_order_and_bad_messages_are_counted()
    {
        const int Readings = 10_000, Window = 100;
        await Start();
        var pipeline = Path.Combine(dataDir, "add.json");
        await File.WriteAllTextAsync(pipeline, AddSensor);
        var added = await Rtl("stream", "add", "greenhouse", pipeline, "--window", Window.ToString(),
            "--source", broker.Url("sensors/+"), "--sink", broker.Url("out/greenhouse"));
        Assert.True(added.ExitCode == 0, added.ToString());
        await using var client = await Connect();
        await WaitConnected(client, "greenhouse");
        await using var mqtt = await MqttTestClient.Connect(broker.Port);
        await mqtt.Subscribe("out/greenhouse");

        for (var i = 0; i < Readings; i++)
        {
            await mqtt.Publish($"sensors/s{i % 3}", $$"""{"temperature": {{i}}.5, "sensor": {{i % 7}}}""");
            if (i % 2_500 == 1_250)
            {
                await mqtt.Publish("sensors/s0", i % 5_000 == 1_250 ? "not json" : """{"temperature": "hot"}""");
            }
        }

        var windows = await mqtt.WaitFor(Readings / Window, Patience);

        Assert.Equal(Readings / Window, windows.Length);
        for (var k = 0; k < windows.Length; k++)
        {
            var message = windows[k].RootElement;
            Assert.Equal("greenhouse", message.GetProperty("stream").GetString());
            Assert.Equal(k, message.GetProperty("window").GetInt64());
            Assert.Equal(Window, message.GetProperty("rows").GetInt32());
            var columns = message.GetProperty("columns");
            var temperature = columns.GetProperty("temperature").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var t2 = columns.GetProperty("t2").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(Enumerable.Range(Window * k, Window).Select(i => i + 0.5), temperature);
            Assert.Equal(Enumerable.Range(Window * k, Window).Select(i => i + 0.5 + i % 7), t2);
        }

        var status = (await client.GetStreamAsync("greenhouse"))!;
        output.WriteLine($"received {status.Received}, windows {status.Windows}, rejected {status.Rejected}: {status.LastError}");
        Assert.Equal(Readings, status.Received);
        Assert.Equal(Readings / Window, status.Windows);
        Assert.Equal(4, status.Rejected);
        Assert.Equal(0, status.Dropped);
        Assert.Contains("readings are numbers only", status.LastError);
        Assert.Equal(100, status.Recent.Count);
    }

    [Fact]
    public async Task A_broker_that_is_down_shows_as_connecting_with_the_error_and_the_stream_connects_when_it_is_back()
    {
        await Start();
        await using var client = await Connect();
        broker.Stop();
        await client.AddStreamAsync(new StreamDefinition("waiting", AddSensor, broker.Url("in"), 10, null, [broker.Url("out")], 1_000));

        var down = await WaitSource(client, "waiting", s => s.StartsWith("connecting from silo ", StringComparison.Ordinal));
        output.WriteLine($"with the broker down: {down}");
        Assert.Contains(broker.Url("in"), down);
        Assert.Contains("next try in", down);
        Assert.Equal(0, (await client.GetStreamAsync("waiting"))!.Rejected); // a broker that is down is no bad message

        broker.Restart();
        await WaitConnected(client, "waiting");
        await using var mqtt = await MqttTestClient.Connect(broker.Port);
        await mqtt.Subscribe("out");
        for (var i = 0; i < 10; i++)
        {
            await mqtt.Publish("in", $$"""{"temperature": {{i}}, "sensor": 2}""");
        }

        var window = Assert.Single(await mqtt.WaitFor(1, Patience)).RootElement;
        Assert.Equal(0, window.GetProperty("window").GetInt64());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i + 2.0), window.GetProperty("columns").GetProperty("t2").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task A_stream_resumes_after_its_silo_is_killed_losing_only_the_open_window()
    {
        await Start();
        await using (var client = await Connect())
        {
            await client.AddStreamAsync(new StreamDefinition("resumed", AddSensor, broker.Url("in"), 100, null, [broker.Url("out")], 1_000));
            await WaitConnected(client, "resumed");
        }

        await using var mqtt = await MqttTestClient.Connect(broker.Port);
        await mqtt.Subscribe("out");
        for (var i = 0; i < 250; i++)
        {
            await mqtt.Publish("in", $$"""{"temperature": {{i}}, "sensor": 1}""");
        }

        Assert.Equal(2, (await mqtt.WaitFor(2, Patience)).Length);
        var pid = int.Parse(await File.ReadAllTextAsync(Directory.GetFiles(dataDir, "silo-*.pid").Single()));
        System.Diagnostics.Process.GetProcessById(pid).Kill(); // the 50 rows of window 2 are open
        output.WriteLine($"killed the silo (pid {pid}) with window 2 open");
        await Start();
        await using var again = await Connect();
        await WaitConnected(again, "resumed");

        for (var i = 1_000; i < 1_100; i++)
        {
            await mqtt.Publish("in", $$"""{"temperature": {{i}}, "sensor": 1}""");
        }

        var windows = await mqtt.WaitFor(3, Patience);
        Assert.Equal(3, windows.Length);
        var resumed = windows[2].RootElement;
        Assert.Equal(2, resumed.GetProperty("window").GetInt64()); // numbering continues from what was persisted
        var temperatures = resumed.GetProperty("columns").GetProperty("temperature").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(Enumerable.Range(1_000, 100).Select(i => (double)i), temperatures); // the open window's 50 rows were lost
    }

    [Fact]
    public async Task Rows_posted_over_http_and_published_from_the_sdk_reach_a_subscriber_in_order()
    {
        await Start();
        await using var client = await Connect();
        await client.AddStreamAsync(new StreamDefinition("posted", AddSensor, "http", 3, null, [], 100));
        using var cancel = new CancellationTokenSource(Patience);
        var subscriber = Task.Run(async () =>
        {
            var seen = new List<StreamWindow>();
            await foreach (var window in client.SubscribeAsync("posted", cancellationToken: cancel.Token))
            {
                seen.Add(window);
                if (seen.Count == 2)
                {
                    break;
                }
            }

            return seen;
        });

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[5]}") };
        var posted = await http.PostAsync("/api/streams/posted/rows", new StringContent("""{"columns": {"temperature": [1, 2, 3], "sensor": [10, 20, 30]}}"""));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        await client.PublishAsync("posted", Table.Create(("temperature", Column.Of(4.0, 5.0, 6.0)), ("sensor", Column.Of(1L, 2L, 3L))));
        var bad = await http.PostAsync("/api/streams/posted/rows", new StringContent("""{"temperature": "x"}"""));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'temperature' is a string", await bad.Content.ReadAsStringAsync());

        var windows = await subscriber;
        Assert.Equal([0L, 1L], windows.Select(w => w.Window));
        Assert.Equal([11.0, 22, 33], windows[0].Result!["t2"].AsDoubles().ToArray());
        Assert.Equal([5.0, 7, 9], windows[1].Result!["t2"].AsDoubles().ToArray());

        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/streams/posted"));
        Assert.Equal(6, status.RootElement.GetProperty("received").GetInt64());
        Assert.Equal(2, status.RootElement.GetProperty("windows").GetInt64());
        var listed = await http.GetFromJsonAsync<JsonElement>("/api/streams");
        Assert.Equal("posted", listed[0].GetProperty("name").GetString());
        Assert.Contains("<a href=\"/streams/posted\">posted</a>", await http.GetStringAsync("/streams"));
        var page = await http.GetStringAsync("/streams/posted");
        Assert.Contains("received 6, windows 2", page);
        Assert.Contains("<h3>Window 1</h3>", page);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await http.DeleteAsync("/api/streams/posted")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/streams/posted")).StatusCode);
    }

    [Fact]
    public async Task A_batch_larger_than_the_buffer_becomes_windows_and_drops_no_row()
    {
        await Start();
        await using var client = await Connect();
        await client.AddStreamAsync(new StreamDefinition("burst", AddSensor, "http", 10, null, [], 10)); // buffer: one window
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[5]}") };
        var rows = string.Join(",", Enumerable.Range(0, 35).Select(i => $$"""{"temperature": {{i}}, "sensor": 0}"""));
        await PostRows(http, "burst", $"[{rows}]");

        await WaitWindows(client, "burst", 3);
        var status = (await client.GetStreamAsync("burst"))!;
        Assert.Equal(35, status.Received);
        Assert.Equal(0, status.Dropped);
        Assert.Equal(5, status.OpenRows);
        Assert.Equal(Enumerable.Range(20, 10).Select(i => (double)i), status.Latest!["t2"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task The_live_page_redraws_the_latest_windows_plot_and_refreshes_by_itself_in_a_browser()
    {
        const string Plotted = """
            {"stages": [{"tasks": [
              {"task": "add", "operations": [{"a": "temperature", "b": "sensor", "column": "t2"}]},
              {"task": "simple_plot", "plots": {"greenhouse": [{"x": "sensor", "y": "t2", "type": "circle", "scale": "linear"}]}}]}]}
            """;
        await Start();
        await using var client = await Connect();
        await client.AddStreamAsync(new StreamDefinition("panel", Plotted, "http", 3, null, [], 100));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[5]}") };
        await PostRows(http, "panel", """{"columns": {"temperature": [1, 2, 3], "sensor": [1, 2, 3]}}""");
        await WaitWindows(client, "panel", 1);

        var (playwright, browser) = await Web.Browser.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(http.BaseAddress!, "/streams/panel").ToString());
        await page.WaitForFunctionAsync("() => Array.from(document.images).length === 1 && document.images[0].complete");
        Assert.Equal(1000, await page.EvaluateAsync<int>("() => document.images[0].naturalWidth"));
        Assert.Contains("?window=0", await page.EvaluateAsync<string>("() => document.images[0].src"));
        var first = await http.GetByteArrayAsync("/api/streams/panel/plots/greenhouse.png");

        // A second window: the open page shows it without being reloaded by the test, its plot redrawn.
        await PostRows(http, "panel", """{"columns": {"temperature": [40, 50, 60], "sensor": [3, 2, 1]}}""");
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('Window 1') && document.images.length === 1 && document.images[0].complete"
            + " && document.images[0].src.includes('?window=1') && document.images[0].naturalWidth === 1000",
            null, new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds });
        var second = await http.GetByteArrayAsync("/api/streams/panel/plots/greenhouse.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, second[..4]);
        Assert.NotEqual(first, second);
        await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Web.Browser.Screenshot("stream-page.png"), FullPage = true });
    }

    private static async Task PostRows(HttpClient http, string stream, string body)
    {
        using var posted = await http.PostAsync($"/api/streams/{stream}/rows", new StringContent(body));
        Assert.True(posted.StatusCode == System.Net.HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
    }

    private static async Task WaitWindows(RtlClient client, string stream, long windows)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await client.GetStreamAsync(stream))!.Windows < windows)
        {
            Assert.True(DateTime.UtcNow < deadline, $"stream {stream} did not close {windows} window(s) within {Patience}");
            await Task.Delay(100);
        }
    }

    private async Task Start()
    {
        var started = await Rtl(["start", .. ports]);
        Assert.True(started.ExitCode == 0, started.ToString());
    }

    private Task<RtlClient> Connect() => RtlClient.ConnectAsync(new RtlClientOptions { DataDir = dataDir });

    /// <summary>The source connects a moment after the stream is defined (or its silo restarted): wait for it.</summary>
    private static Task<string> WaitConnected(RtlClient client, string stream) =>
        WaitSource(client, stream, s => s.StartsWith("connected from silo ", StringComparison.Ordinal));

    /// <summary>Polls the stream's source state until <paramref name="wanted"/> holds; returns that state.</summary>
    private static async Task<string> WaitSource(RtlClient client, string stream, Func<string, bool> wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                state = (await client.GetStreamAsync(stream))?.Source;
                if (state is not null && wanted(state))
                {
                    return state;
                }
            }
            catch (RtlConnectionException)
            {
                // the restarted silo is still settling
            }

            await Task.Delay(100);
        }

        Assert.Fail($"stream {stream}'s source did not reach the state wanted within {Patience}: {state}");
        return state!;
    }

    public void Dispose()
    {
        Rtl("stop").GetAwaiter().GetResult();
        broker.Dispose();
        Directory.Delete(dataDir, recursive: true);
    }

    private Task<RtlProcess.Outcome> Rtl(params string[] args) =>
        RtlProcess.Run(dataDir, Patience, [.. args, "--data-dir", dataDir]);
}
