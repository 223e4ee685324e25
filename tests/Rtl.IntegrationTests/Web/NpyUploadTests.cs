using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Silo.Web;
using Xunit;
using static Rtl.IntegrationTests.Web.NpyUpload;

namespace Rtl.IntegrationTests.Web;

/// <summary>
/// Tables posted as numpy <c>.npy</c> in a <c>multipart/form-data</c> body, to <c>POST /api/jobs</c> (durable) and
/// <c>POST /api/run</c> (answered with the result), on a real silo whose <c>MaxTableBytes</c> is 4,096.
/// </summary>
[Collection(HttpBadInputSiloCollection.Name)]
public sealed class NpyUploadTests(HttpBadInputSiloFixture silo)
{
    private const string Add = """{"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": "y", "column": "z"}]}]}]}""";

    [Fact]
    public async Task A_npy_table_posted_as_a_form_runs_as_a_durable_job_whose_result_npy_holds_the_sum()
    {
        using var client = silo.Client();

        var posted = await client.PostAsync("/api/jobs", Form(Add, Npy(TwoDoublesDescr, 100, TwoDoubles(100))));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await WaitUntilDone(client, id);
        await using var npy = await client.GetStreamAsync($"/api/jobs/{id}/result.npy");
        AssertSums(NpyFile.Read(npy, "result.npy"), 100);
    }

    [Fact]
    public async Task Api_run_answers_the_timings_and_the_result_table_as_npy_in_one_response()
    {
        using var client = silo.Client();

        var response = await client.PostAsync("/api/run", Form(Add, Npy(TwoDoublesDescr, 200, TwoDoubles(200))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (job, table) = await ReadRun(response);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(200, job.GetProperty("rows").GetInt32());
        Assert.Equal(["x", "y", "z"], job.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("add", job.GetProperty("stages")[0].GetProperty("tasks")[0].GetProperty("task").GetString());
        AssertSums(table!, 200);
    }

    [Fact]
    public async Task A_stored_pipeline_named_in_the_pipeline_part_runs_and_the_catalog_api_adds_lists_shows_and_removes_it()
    {
        using var client = silo.Client();
        var name = $"npy-add-{Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/pipelines/{name}", new StringContent(Add))).StatusCode);
        Assert.Contains(name, (await client.GetFromJsonAsync<string[]>("/api/pipelines"))!);
        Assert.Contains("\"add\"", await client.GetStringAsync($"/api/pipelines/{name}"));
        var (_, table) = await ReadRun(await client.PostAsync("/api/run", Form(JsonSerializer.Serialize(name), Npy(TwoDoublesDescr, 3, TwoDoubles(3)))));
        AssertSums(table!, 3);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/pipelines/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/pipelines/{name}")).StatusCode);
        Assert.DoesNotContain(name, (await client.GetFromJsonAsync<string[]>("/api/pipelines"))!);
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("name").GetString() == "add" && t.GetProperty("arguments").GetArrayLength() > 0);
    }

    public static TheoryData<string, byte[]?, string> BadTables() => new()
    {
        { "not npy", Encoding.ASCII.GetBytes("x,y\n1,2\n"), "table part: is not a .npy file (expected it to start with \\x93NUMPY)" },
        { "text dtype", Npy("[('x', '<U4')]", 1, new byte[16]), "table part: the .npy header {'descr': [('x', '<U4')]" },
        { "big-endian", Npy("[('x', '>f8')]", 1, new byte[8]), "table part: the .npy header {'descr': [('x', '>f8')]" },
        { "short", Npy(TwoDoublesDescr, 10, TwoDoubles(9)), "table part: holds 144 data bytes but its header's shape (10) of [('x', '<f8'), ('y', '<f8')] needs 160; it was cut short" },
        { "long", Npy(TwoDoublesDescr, 9, TwoDoubles(10)), "table part: has more than the 144 data bytes its header's shape (9)" },
        { "cut header", Npy(TwoDoublesDescr, 9, TwoDoubles(9))[..40], "table part: ended inside its .npy header, which says it is 118 bytes; it was cut short" },
        { "over MaxTableBytes", Npy(TwoDoublesDescr, 300, TwoDoubles(300)),
            "input table: 4,800 bytes (300 rows × 2 columns) is over this cluster's limit of 4,096 bytes (MaxTableBytes" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public async Task A_bad_npy_table_is_a_400_saying_what_was_expected_and_a_good_job_runs_after_it(string what, byte[]? npy, string message)
    {
        using var client = silo.Client();

        foreach (var route in (string[])["/api/jobs", "/api/run"])
        {
            var response = await client.PostAsync(route, Form(Add, npy));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} to {route}: {response.StatusCode}");
            Assert.StartsWith(message, await Error(response));
        }

        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Fact]
    public async Task A_dtype_error_names_the_column_and_the_supported_dtypes()
    {
        using var client = silo.Client();

        var response = await client.PostAsync("/api/run", Form(Add, Npy("[('x', '<f8'), ('when', '<M8[s]')]", 1, new byte[16])));

        Assert.Contains("unsupported dtype '<M8[s]' for column 'when' (supported: <i8, <f8, <i4, <f4, |b1, |u1", await Error(response));
    }

    [Theory]
    [InlineData(null, "multipart body: no part 'pipeline'")]
    [InlineData("extra", "multipart body: unexpected part 'extra'")]
    [InlineData("pipeline", "multipart body: the part 'pipeline' appears twice")]
    public async Task A_form_without_its_pipeline_part_or_with_a_stray_part_is_a_400_naming_the_parts(string? extra, string message)
    {
        using var client = silo.Client();
        var form = extra is null ? Form(null, Npy(TwoDoublesDescr, 1, TwoDoubles(1))) : Form(Add, null, (extra, Add));

        var response = await client.PostAsync("/api/run", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, await Error(response));
    }

    [Fact]
    public async Task A_pipeline_part_that_fails_validation_is_a_400_located_in_the_pipeline()
    {
        using var client = silo.Client();
        var pipeline = """{"0": {"tasks": {"task_add": {"operations": [{"a": "x", "b": "foo", "column": "z"}]}}}}""";

        var response = await client.PostAsync("/api/run", Form(pipeline, Npy(TwoDoublesDescr, 2, TwoDoubles(2))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("operations[0].b: column 'foo' not found", await Error(response));
    }

    [Fact]
    public async Task A_form_body_over_the_limit_is_a_413_naming_the_limit_and_a_good_job_runs_after_it()
    {
        using var client = silo.Client();
        var limit = RequestLimits.MaxBodyBytes(HttpBadInputSiloFixture.MaxTableBytes);

        var response = await client.PostAsync("/api/run", Form(Add, null, ("padding", new string(' ', (int)limit))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("request body: over this silo's limit of 1,048,576 bytes", await Error(response));
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    private static void AssertSums(Table table, int rows)
    {
        Assert.Equal(["x", "y", "z"], table.Schema.Columns.Select(c => c.Name));
        Assert.Equal(rows, table.RowCount);
        var z = ((Column<double>)table["z"]).Span;
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(i + (i / 2.0), z[i]);
        }
    }

    /// <summary>The two parts of a <c>POST /api/run</c> answer: the job's JSON and its table (null when it sent none).</summary>
    public static async Task<(JsonElement Job, Table? Table)> ReadRun(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(response.Content.Headers.ContentType!.ToString()).Boundary).Value!;
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync());
        var job = JsonSerializer.Deserialize<JsonElement>(await new StreamReader((await reader.ReadNextSectionAsync())!.Body).ReadToEndAsync());
        Table? table = null;
        if (await reader.ReadNextSectionAsync() is { } section)
        {
            var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            bytes.Position = 0;
            table = NpyFile.Read(bytes, "table part");
        }

        return (job, table);
    }

    private static async Task WaitUntilDone(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? status;
        do
        {
            await Task.Delay(20);
            status = (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}")).GetProperty("status").GetString();
        }
        while (status == "running" && DateTime.UtcNow < deadline);
        Assert.Equal("completed", status);
    }

    public static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
}
