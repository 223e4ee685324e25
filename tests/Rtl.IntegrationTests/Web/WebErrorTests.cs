using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Rtl.Grains.Hosting;
using Rtl.Silo.Demo;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>
/// A real silo (SQLite, web app on a free port) whose requests fail underneath: every failure is answered
/// with a status and a message, never an empty 5xx.
/// </summary>
public sealed class WebErrorTests : IAsyncLifetime
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-web-errors-").FullName;
    private IHost silo = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        silo = await DemoRun.StartSilo(new RtlOptions { DataDir = dataDir, WebPort = 0 });
        http = new HttpClient { BaseAddress = new Uri(DemoRun.WebUrl(silo)), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await silo.StopAsync(TimeSpan.FromSeconds(10));
        silo.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task A_stored_result_cut_short_is_a_500_naming_it()
    {
        // What a user saw when a result could not be read: an empty 500.
        var posted = await http.PostAsync("/api/jobs", Json("""{"pipeline": {"stages": [{"tasks": [{"task": "null"}]}]}, "table": {"columns": {"x": [1, 2]}}}"""));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await WaitForCompletion(id);
        var stored = Path.Combine(dataDir, "jobs", id.ToString("N"), "result.npy");
        File.WriteAllBytes(stored, File.ReadAllBytes(stored)[..100]); // the header, not the rows

        var response = await http.GetAsync($"/api/jobs/{id}/result.csv");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await Error(response);
        Assert.StartsWith($"GET /api/jobs/{id}/result.csv failed: ", error);
        Assert.Contains($"job {id} result.npy: ended early", error);
    }

    [Fact]
    public async Task With_grain_storage_unavailable_the_api_answers_503_json_and_a_page_answers_503_html_with_a_message()
    {
        await RenameStorageTable("OrleansStorage", "OrleansStorage_away");
        try
        {
            var api = await http.GetAsync($"/api/jobs/{Guid.NewGuid()}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            var apiError = await Error(api);
            Assert.True(apiError.Contains("OrleansStorage", StringComparison.Ordinal), apiError);

            var posted = await http.PostAsync("/api/jobs", Json("""{"pipeline": {"stages": [{"tasks": [{"task": "null"}]}]}}"""));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
            Assert.StartsWith("POST /api/jobs failed: the silo's storage is unavailable (", await Error(posted));

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/jobs/{Guid.NewGuid()}");
            request.Headers.Accept.ParseAdd("text/html");
            var page = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<p class=\"error\">GET /jobs/", html);
            Assert.Contains("OrleansStorage", html);
        }
        finally
        {
            await RenameStorageTable("OrleansStorage_away", "OrleansStorage");
        }
    }

    private async Task RenameStorageTable(string from, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "rtl.db")}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitForCompletion(Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}")).GetProperty("status").GetString() != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {id} did not complete within 60 s");
            await Task.Delay(50);
        }
    }

    private static async Task<string> Error(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error), "the 5xx has an empty error");
        return error!;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
