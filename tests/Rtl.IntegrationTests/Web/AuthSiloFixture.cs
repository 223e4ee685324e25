using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Rtl.Grains.Hosting;
using Rtl.Silo.Demo;
using Rtl.Silo.Hosting;
using Rtl.Silo.Web;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>A real silo (its own data dir, free ports, the web app on a free loopback port) with the options a test class needs.</summary>
public abstract class WebSiloFixture : IAsyncLifetime
{
    /// <summary>A quick job that always succeeds: x times two.</summary>
    public const string GoodJob = """
        {"pipeline": {"stages": [{"tasks": [{"task": "multiply", "operations": [{"a": "x", "b": 2, "column": "twice"}]}]}]},
         "table": {"columns": {"x": [1, 2, 3]}}}
        """;

    private IHost? silo;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("rtl-web-auth-").FullName;

    public RtlOptions Options { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    protected abstract void Configure(RtlOptions options);

    public async Task InitializeAsync()
    {
        Options = new RtlOptions
        {
            DataDir = DataDir,
            ClusterId = $"web-{Guid.NewGuid():N}",
            SiloPort = FreePort.Any(),
            GatewayPort = FreePort.Any(),
            WebPort = 0,
        };
        Configure(Options);
        silo = SiloHost.Build(Options, Microsoft.Extensions.Logging.LogLevel.Error);
        await silo.StartAsync();
        BaseUrl = new Uri(WebHosting.Url(silo.Services) ?? throw new InvalidOperationException("the web app is not listening"));
    }

    /// <summary>A client of this silo's web app; with a key, every request carries it as a Bearer header.</summary>
    public HttpClient Client(string? bearer = null, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Posts <see cref="GoodJob"/> and waits for it: what every bad request must leave working.</summary>
    public static async Task AssertAGoodJobCompletes(HttpClient client)
    {
        var posted = await client.PostAsync("/api/jobs", new StringContent(GoodJob, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement job;
        do
        {
            await Task.Delay(50);
            job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
        }
        while (job.GetProperty("status").GetString() == "running" && DateTime.UtcNow < deadline);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(["x", "twice"], job.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync(TimeSpan.FromSeconds(10));
            silo.Dispose();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the database a moment longer; a temp dir left behind is harmless.
        }
    }
}

/// <summary>A silo whose web app requires <see cref="Key"/>.</summary>
public sealed class AuthSiloFixture : WebSiloFixture
{
    public const string Key = "s3cret-key-for-the-web-tests";

    protected override void Configure(RtlOptions options) => options.WebApiKey = Key;
}
