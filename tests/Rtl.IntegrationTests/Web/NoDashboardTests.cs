using System.Net;
using Rtl.Grains.Hosting;
using Xunit;

namespace Rtl.IntegrationTests.Web;

public sealed class NoDashboardSiloFixture : WebSiloFixture
{
    protected override void Configure(RtlOptions options) => options.Dashboard = false;
}

/// <summary><c>--no-dashboard</c> (<c>Dashboard: false</c>): the dashboard's routes say it is off, and everything else serves as before.</summary>
public sealed class NoDashboardTests(NoDashboardSiloFixture silo) : IClassFixture<NoDashboardSiloFixture>
{
    [Fact]
    public async Task The_dashboard_says_it_is_off_and_jobs_still_run()
    {
        using var client = silo.Client();
        foreach (var path in new[] { "/dashboard/", "/dashboard/index.min.js" })
        {
            using var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Contains("The Orleans dashboard is off on this silo", text);
        }

        using var jobs = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        await WebSiloFixture.AssertAGoodJobCompletes(client);
    }
}
