using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Silo.Demo;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>
/// One real silo with its web app on a free port, on a fresh data dir, that has run the demo (dev.py on the
/// synthetic Spark metrics) once as a durable job: what a person sees after <c>rtl demo</c>.
/// </summary>
public sealed class DemoSiloFixture : IAsyncLifetime
{
    private IHost? silo;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("rtl-web-tests-").FullName;

    public RtlOptions Options { get; private set; } = null!;

    public JobResult Demo { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Options = DemoRun.Options(new RtlOptions { DataDir = DataDir, WebPort = 0 });
        DemoRun.WriteData(Options, out _);
        silo = await DemoRun.StartSilo(Options);
        BaseUrl = new Uri(DemoRun.WebUrl(silo));
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        Demo = await DemoRun.Run(silo, progress: null, TimeSpan.FromMinutes(2));
        Assert.True(Demo.Succeeded, Demo.Error);
    }

    /// <summary>Polls <c>GET /api/jobs/{id}</c> until the job is no longer running.</summary>
    public async Task<JsonElement> WaitForJob(Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            if (job.GetProperty("status").GetString() != "running" || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
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

[CollectionDefinition(Name)]
public sealed class DemoSiloCollection : ICollectionFixture<DemoSiloFixture>
{
    public const string Name = "demo silo";
}
