using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// Durable jobs as a user's script sends them over HTTP to a cluster of hosts: each job a 100,000-row table, two
/// stages, one plot. Counts what a user would: sent, acknowledged, and every 5xx (each must say something).
/// </summary>
public sealed class JobTraffic
{
    public const int Rows = 100_000;

    public const string PlotFile = "y_of_x.png";

    private static readonly string Body = BuildBody();

    private readonly List<string> problems = [];

    // Submissions run concurrently: every count and list changes under this lock.
    private readonly Lock gate = new();

    public List<Guid> Acked { get; } = [];

    public int Sent { get; private set; }

    public int Unavailable { get; private set; }

    private void Count(Action change)
    {
        lock (gate)
        {
            change();
        }
    }

    /// <summary>Every 5xx that came without a message, or a 503 without Retry-After: none may occur.</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>
    /// Submits one job to <paramref name="preferred"/>, falling back to the next running host when one refuses the
    /// connection (it is dead) or answers 503 (it is settling), as a client with a list of addresses would.
    /// </summary>
    public async Task SubmitAsync(IReadOnlyList<Host> hosts, int preferred, TimeSpan within)
    {
        Count(() => Sent++);
        var deadline = DateTime.UtcNow + within;
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var host = hosts[(preferred + attempt) % hosts.Count];
            try
            {
                using var response = await host.Http.PostAsync("/api/jobs", new StringContent(Body, System.Text.Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var id = Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
                    Count(() => Acked.Add(id));
                    return;
                }

                Check(host, response, text);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Count(() => Unavailable++);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    continue;
                }

                Count(() => problems.Add($"{host}: POST /api/jobs answered {(int)response.StatusCode} {text}"));
                return;
            }
            catch (HttpRequestException)
            {
                // A dead host refuses the connection: try the next one.
            }
        }

        Count(() => problems.Add($"a job was not accepted by any host within {within}"));
    }

    /// <summary>The job's record as <paramref name="host"/> serves it.</summary>
    public static async Task<JsonNode> RecordAsync(Host host, Guid job) =>
        await RecordOrBusyAsync(host, job) ?? throw new InvalidOperationException($"{host}: GET /api/jobs/{job} answered 503 (the cluster is settling)");

    /// <summary>The record, or null for the 503 the API answers while the cluster votes a killed silo out (retry later, as the README says).</summary>
    private static async Task<JsonNode?> RecordOrBusyAsync(Host host, Guid job)
    {
        using var response = await host.Http.GetAsync($"/api/jobs/{job}");
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)!
            : response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable ? null
            : throw new InvalidOperationException($"{host}: GET /api/jobs/{job} answered {(int)response.StatusCode} {text}");
    }

    /// <summary>
    /// The first of <paramref name="candidates"/> seen running one of <paramref name="jobs"/>, polled for up to
    /// <paramref name="within"/>; when none is seen, the first candidate and no job.
    /// </summary>
    public static async Task<(Host Host, Guid? Job)> RunningOnAsync(Host via, IReadOnlyList<Host> candidates, IReadOnlyList<Guid> jobs, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var job in jobs)
            {
                var record = await RecordAsync(via, job);
                var silo = record["attempts"]!.AsArray().LastOrDefault()?["silo"]?.GetValue<string>();
                if (record["status"]!.GetValue<string>() == "running"
                    && candidates.FirstOrDefault(h => silo?.Contains($"{h.Address}:{h.SiloPort}", StringComparison.Ordinal) == true) is { } host)
                {
                    return (host, job);
                }
            }
        }

        return (candidates[0], null);
    }

    /// <summary>Polls until every job has finished (or the bound passes); returns the records.</summary>
    public static async Task<Dictionary<Guid, JsonNode>> WaitAllAsync(Host host, IEnumerable<Guid> jobs, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var done = new Dictionary<Guid, JsonNode>();
        var pending = jobs.ToList();
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var job in pending.ToArray())
            {
                var record = await RecordOrBusyAsync(host, job);
                if (record is not null && record["status"]!.GetValue<string>() != "running")
                {
                    done[job] = record;
                    pending.Remove(job);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        return done;
    }

    /// <summary>Null when the host serves the job's result and plot correctly, else what is wrong.</summary>
    public static async Task<string?> ServedWrongAsync(Host host, Guid job)
    {
        using var csv = await host.Http.GetAsync($"/api/jobs/{job}/result.csv");
        var text = await csv.Content.ReadAsStringAsync();
        if (csv.StatusCode != HttpStatusCode.OK)
        {
            return $"{host}: result.csv of {job} answered {(int)csv.StatusCode} {text}";
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Sorted by y descending: the first row is the largest x.
        var first = lines.Length > 1 ? lines[1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [];
        if (lines.Length != Rows + 1 || lines[0].Trim() != "x,y,z" || !first.SequenceEqual([Rows - 1, 2.0 * (Rows - 1), (2.0 * (Rows - 1)) + 1]))
        {
            return $"{host}: result.csv of {job} has {lines.Length} lines, starting {string.Join(" | ", lines.Take(2))}";
        }

        using var png = await host.Http.GetAsync($"/api/jobs/{job}/plots/{PlotFile}");
        var bytes = await png.Content.ReadAsByteArrayAsync();
        return png.StatusCode == HttpStatusCode.OK && bytes.Length > 1000 && bytes.AsSpan(0, 8).SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            ? null
            : $"{host}: plot of {job} answered {(int)png.StatusCode} with {bytes.Length} bytes";
    }

    private void Check(Host host, HttpResponseMessage response, string text)
    {
        if ((int)response.StatusCode < 500)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(text) || !text.Contains("error", StringComparison.Ordinal))
        {
            Count(() => problems.Add($"{host}: POST /api/jobs answered {(int)response.StatusCode} with no message"));
        }

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
        {
            Count(() => problems.Add($"{host}: a 503 without Retry-After: {text}"));
        }
    }

    private static string BuildBody() => JsonSerializer.Serialize(new
    {
        pipeline = new
        {
            stages = new object[]
            {
                new
                {
                    tasks = new object[]
                    {
                        new { task = "multiply", operations = new[] { new { a = "x", b = 2, column = "y" } } },
                        new { task = "sort", column = "y", kind = "stable", descending = true },
                        new { task = "simple_plot", plots = new Dictionary<string, object> { ["y of x"] = new[] { new { x = "x", y = "y", type = "circle" } } } },
                    },
                },
                new { tasks = new object[] { new { task = "add", operations = new[] { new { a = "y", b = 1, column = "z" } } } } },
            },
        },
        table = new { columns = new { x = Enumerable.Range(0, Rows).ToArray() } },
    });
}
