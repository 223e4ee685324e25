using System.Net;
using Xunit;
using static Rtl.IntegrationTests.Web.NpyUpload;

namespace Rtl.IntegrationTests.Web;

/// <summary><c>POST /api/run</c> on a silo with the default limits: its plots, and the pipeline part's own 1 MiB limit.</summary>
[Collection(DemoSiloCollection.Name)]
public sealed class RunApiTests(DemoSiloFixture silo)
{
    [Fact]
    public async Task A_direct_run_lists_its_plot_as_a_url_this_silo_serves_as_a_png()
    {
        var pipeline = """{"stages": [{"tasks": [{"task": "simple_plot", "plots": {"x y": [{"x": "x", "y": "y"}]}}]}]}""";

        var (job, _) = await NpyUploadTests.ReadRun(await silo.Http.PostAsync("/api/run", Form(pipeline, Npy(TwoDoublesDescr, 5, TwoDoubles(5)))));

        var plot = Assert.Single(job.GetProperty("plots").EnumerateArray()).GetString()!;
        Assert.Equal($"/api/runs/{job.GetProperty("id").GetGuid()}/plots/x_y.png", plot);
        var png = await silo.Http.GetAsync(plot);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync(plot.Replace("x_y.png", "..%2Frtl.db", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task A_pipeline_part_over_1_MiB_is_a_413_naming_the_pipeline_limit()
    {
        var pipeline = """{"stages": []}""" + new string(' ', 1 << 20);

        var response = await silo.Http.PostAsync("/api/jobs", Form(pipeline, null));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("the pipeline is over 1,048,576 bytes of JSON", await NpyUploadTests.Error(response));
    }
}
