using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using Xunit;

namespace Rtl.IntegrationTests.Web;

[Collection(DemoSiloCollection.Name)]
public sealed class JobsApiTests(DemoSiloFixture silo)
{
    private const string PlotPipeline = """
        {"stages": [{"tasks": [
            {"task": "multiply", "operations": [{"a": "x", "b": 2, "column": "twice"}]},
            {"task": "simple_plot", "plots": {"twice x": [{"x": "x", "y": "twice", "type": "line"}]}}]}]}
        """;

    [Fact]
    public async Task A_posted_job_completes_with_its_timings_rows_and_a_plot_url_that_serves_a_png()
    {
        var body = """{"pipeline": """ + PlotPipeline + """, "table": {"columns": {"x": [1, 2, 3, 4, 5], "y": [0.5, 1.5, 2.5, 3.5, 4.5]}}}""";

        var posted = await silo.Http.PostAsync("/api/jobs", Json(body));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await silo.WaitForJob(id);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("error").ValueKind);
        Assert.Equal(5, job.GetProperty("rows").GetInt32());
        Assert.Equal(["x", "y", "twice"], job.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var tasks = job.GetProperty("stages")[0].GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(["multiply", "simple_plot"], tasks.Select(t => t.GetProperty("task").GetString()));
        Assert.All(tasks, t => Assert.True(t.GetProperty("milliseconds").GetDouble() > 0));

        var plot = Assert.Single(job.GetProperty("plots").EnumerateArray()).GetString()!;
        Assert.Equal($"/api/jobs/{id}/plots/twice_x.png", plot);
        var png = await silo.Http.GetAsync(plot);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        using var image = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal((1000, 600), (image.Width, image.Height));

        var csv = await silo.Http.GetStringAsync($"/api/jobs/{id}/result.csv");
        Assert.Equal("x,y,twice", csv.Split('\n')[0].Trim());
        Assert.Equal(6, csv.Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData("""{"pipeline": {"stages": [""", "malformed JSON at line 1, column")]
    [InlineData("""{"table": {}}""", "expected {\"pipeline\": {...}, \"table\"")]
    [InlineData("""{"pipeline": {"stages": []}}""", "the pipeline has no stages")]
    [InlineData("""{"pipeline": {"stages": [{"tasks": [{"task": "ad", "operations": []}]}]}}""", "stage 0: unknown task 'ad' (did you mean: add")]
    [InlineData("""{"pipeline": {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": "nope", "column": "y"}]}]}]}, "table": {"columns": {"x": [1, 2]}}}""",
        "stage 0, task 'add', operations[0].b: column 'nope' not found (columns: x)")]
    [InlineData("""{"pipeline": {"stages": [{"tasks": [{"task": "null"}]}]}, "table": {"columns": {"x": [1, 2], "y": [1]}}}""",
        "table.columns.y: 1 values, but 'x' has 2")]
    public async Task Malformed_bodies_and_invalid_pipelines_are_a_400_with_the_precise_message(string body, string message)
    {
        var response = await silo.Http.PostAsync("/api/jobs", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.StartsWith(message, error);
    }

    [Theory]
    [InlineData("/api/jobs/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/jobs/not-a-guid")]
    [InlineData("/api/jobs/00000000-0000-0000-0000-000000000001/result.csv")]
    [InlineData("/jobs/00000000-0000-0000-0000-000000000001")]
    public async Task An_unknown_job_is_a_404(string path)
    {
        var response = await silo.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Only_plots_the_record_lists_are_served()
    {
        var response = await silo.Http.GetAsync($"/api/jobs/{silo.Demo.JobId}/plots/..%2F..%2Frtl.db");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_job_is_listed_newest_first_with_its_five_plots()
    {
        var jobs = await silo.Http.GetFromJsonAsync<JsonElement>("/api/jobs");

        var demo = jobs.EnumerateArray().Single(j => j.GetProperty("id").GetGuid() == silo.Demo.JobId);
        Assert.Equal("completed", demo.GetProperty("status").GetString());
        Assert.Equal("dev.py", demo.GetProperty("pipeline").GetString());
        Assert.Equal(5, demo.GetProperty("plots").GetArrayLength());
        Assert.Equal(2, demo.GetProperty("stages").GetArrayLength());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
