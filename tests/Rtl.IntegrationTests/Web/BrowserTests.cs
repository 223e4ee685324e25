using System.Diagnostics;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Web;

/// <summary>The web app as a person sees it: a real silo that ran the demo, looked at in headless Chromium.</summary>
[Collection(DemoSiloCollection.Name)]
public sealed class BrowserTests(DemoSiloFixture silo, ITestOutputHelper output)
{
    private const string AllImagesLoaded = "() => Array.from(document.images).every(i => i.complete)";

    [Fact]
    public async Task The_jobs_page_lists_the_demo_job_with_its_timings_and_five_loaded_plots_and_the_dashboard_loads()
    {
        var (playwright, browser) = await Browser.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });

        // The jobs page: the demo job is listed with its status, tasks and plots, and every plot image decodes.
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(silo.BaseUrl.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForFunctionAsync(AllImagesLoaded);
        output.WriteLine($"jobs page with 5 plots loaded in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(200, response!.Status);
        var job = page.Locator($"section.job[data-job='{silo.Demo.JobId}']");
        Assert.Equal(1, await job.CountAsync());
        Assert.Equal("completed", await job.Locator(".status").InnerTextAsync());
        var tasks = await job.Locator("tr.task td:first-child").AllInnerTextsAsync();
        Assert.Equal(["open_array", "filter", "add", "divide", "normalize", "subtract", "average", "simple_plot"], tasks.Select(t => t.Trim()));
        var widths = await job.Locator("img").EvaluateAllAsync<int[]>("images => images.map(i => i.naturalWidth)");
        Assert.Equal([1000, 1000, 1000, 1000, 1000], widths);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("jobs-page.png"), FullPage = true });

        // The job's own page, reached by its link.
        await job.Locator("h2 a").ClickAsync();
        await page.WaitForURLAsync($"**/jobs/{silo.Demo.JobId}");
        await page.WaitForFunctionAsync(AllImagesLoaded);
        Assert.Equal(5, await page.EvaluateAsync<int>("() => Array.from(document.images).filter(i => i.naturalWidth > 0).length"));
        Assert.Contains("\"task\": \"simple_plot\"", await page.Locator("pre").InnerTextAsync());

        // The Orleans dashboard: its script renders the menu and the cluster's silo.
        clock.Restart();
        var dashboard = await page.GotoAsync(new Uri(silo.BaseUrl, "/dashboard/").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.Equal(200, dashboard!.Status);
        await page.Locator("#menu a").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByText("Silos", new PageGetByTextOptions { Exact = false }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        output.WriteLine($"dashboard rendered in {clock.ElapsedMilliseconds} ms");
        Assert.Equal("Orleans Dashboard", await page.TitleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.Screenshot("dashboard.png") });
        output.WriteLine($"screenshots: {Path.GetDirectoryName(Browser.Screenshot("x"))}");
    }
}
