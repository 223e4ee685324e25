using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rtl.Grains.Hosting;
using Rtl.Silo.Web;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>A silo without a web key and with a small <c>MaxTableBytes</c> (4,096: request bodies up to 1 MiB).</summary>
public sealed class HttpBadInputSiloFixture : WebSiloFixture
{
    public const long MaxTableBytes = 4096;

    protected override void Configure(RtlOptions options) => options.MaxTableBytes = MaxTableBytes;
}

[CollectionDefinition(Name)]
public sealed class HttpBadInputSiloCollection : ICollectionFixture<HttpBadInputSiloFixture>
{
    public const string Name = "http bad input silo";
}

/// <summary>Bad requests to <c>POST /api/jobs</c> over real HTTP: each is refused with a precise message, and the silo runs a good job after it.</summary>
[Collection(HttpBadInputSiloCollection.Name)]
public sealed class HttpBadInputTests(HttpBadInputSiloFixture silo)
{
    private const string Multiply = """{"stages": [{"tasks": [{"task": "multiply", "operations": [{"a": "x", "b": 2, "column": "twice"}]}]}]}""";

    [Theory]
    [InlineData("""{"pipeline": {"stages": [{"tasks": [""", "malformed JSON at line 1, column")]
    [InlineData("{\n  \"pipeline\": {\"stages\": []},\n  \"table\": {\"columns\": {\"x\": [1, 2,]}}}", "malformed JSON at line 3, column")]
    [InlineData("""{"pipeline": """ + Multiply + """, "table": {"columns": {"x": [1, 2, 3], "y": [1, 2]}}}""", "table.columns.y: 2 values, but 'x' has 3")]
    [InlineData("""{"pipeline": """ + Multiply + """, "table": {"columns": {"x": [1, "two", 3]}}}""", "table.columns.x[1]: expected a number, got")]
    [InlineData("""{"pipeline": """ + Multiply + """, "table": {"columns": {"x": [1, [2], 3]}}}""", "table.columns.x[1]: expected a number, got")]
    [InlineData("""{"pipeline": """ + Multiply + """, "table": {"columns": {"x": "1, 2, 3"}}}""", "table.columns.x: expected a list of numbers")]
    [InlineData("""{"pipeline": {"stages": [{"tasks": [{"task": "frobnicate"}]}]}, "table": {"columns": {"x": [1]}}}""", "stage 0: unknown task 'frobnicate'")]
    [InlineData("""{"pipeline": "no-such-stored-pipeline"}""", "no pipeline named 'no-such-stored-pipeline'")]
    public async Task A_bad_body_is_a_400_naming_what_is_wrong_and_a_good_job_runs_after_it(string body, string message)
    {
        using var client = silo.Client();

        var response = await client.PostAsync("/api/jobs", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, await Error(response));
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Fact]
    public async Task A_table_over_MaxTableBytes_in_a_small_body_is_a_400_naming_the_limit_and_a_good_job_runs_after_it()
    {
        using var client = silo.Client();
        var body = """{"pipeline": """ + Multiply + """, "table": {"columns": {"x": [""" + string.Join(",", Enumerable.Repeat(1, 600)) + "]}}}";

        var response = await client.PostAsync("/api/jobs", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("input table: 4,800 bytes (600 rows × 1 columns) is over this cluster's limit of 4,096 bytes (MaxTableBytes", await Error(response));
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_body_is_a_413_naming_the_limit_and_a_good_job_runs_after_it(bool contentLength)
    {
        using var client = silo.Client();
        var limit = RequestLimits.MaxBodyBytes(HttpBadInputSiloFixture.MaxTableBytes);
        Assert.Equal(1L << 20, limit);
        var body = Encoding.UTF8.GetBytes("""{"pipeline": """ + Multiply + """, "table": {"columns": {"x": ["""
            + string.Join(",", Enumerable.Repeat(1, (int)limit / 2 + 100_000)) + "]}}}");
        HttpContent content = contentLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/jobs", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("request body: over this silo's limit of 1,048,576 bytes (4 × MaxTableBytes", await Error(response));
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    [Fact]
    public async Task A_refusal_carries_its_error_record_beside_the_sentence()
    {
        using var client = silo.Client();
        var body = """{"pipeline": """ + Multiply + """, "table": {"columns": {"y": [1, 2]}}}""";

        var response = await client.PostAsync("/api/jobs", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var failure = answer.GetProperty("failure");
        Assert.Equal(("argument", 0, "multiply", "operations[0].a"),
            (failure.GetProperty("kind").GetString(), failure.GetProperty("stage").GetInt32(), failure.GetProperty("task").GetString(), failure.GetProperty("argument").GetString()));
        Assert.StartsWith("column 'x' not found", failure.GetProperty("message").GetString());
        Assert.Equal($"stage 0, task 'multiply', operations[0].a: {failure.GetProperty("message").GetString()}", answer.GetProperty("error").GetString());
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    /// <summary>A body sent chunked: no Content-Length for the server to check up front.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
