using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rtl.Grains.Hosting;
using Rtl.Silo.Web;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>A silo with <c>WebApiKey</c> set, over real HTTP: nothing without the key, everything with it.</summary>
public sealed class AuthTests(AuthSiloFixture silo) : IClassFixture<AuthSiloFixture>
{
    public static TheoryData<string, string> Everything => new()
    {
        { "GET", "/" },
        { "GET", "/jobs/00000000-0000-0000-0000-000000000001" },
        { "GET", "/api/jobs" },
        { "GET", "/api/jobs/00000000-0000-0000-0000-000000000001" },
        { "GET", "/api/jobs/00000000-0000-0000-0000-000000000001/result.csv" },
        { "GET", "/api/jobs/00000000-0000-0000-0000-000000000001/plots/a.png" },
        { "GET", "/dashboard/" },
        { "GET", "/no/such/page" },
        { "POST", "/api/jobs" },
    };

    [Theory]
    [MemberData(nameof(Everything))]
    public async Task Without_the_key_every_page_api_download_and_the_dashboard_is_a_401(string method, string path)
    {
        using var client = silo.Client();

        var response = await client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.StartsWith("this web app needs its key", error);
        Assert.DoesNotContain(AuthSiloFixture.Key, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public async Task A_wrong_bearer_key_is_a_401(string method, string path)
    {
        using var client = silo.Client(bearer: AuthSiloFixture.Key + "x");

        var response = await client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("wrong key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("Basic czNjcmV0")]
    [InlineData("Bearer")]
    [InlineData("s3cret-key-for-the-web-tests")]
    public async Task An_authorization_header_that_is_not_the_bearer_key_is_a_401(string header)
    {
        using var client = silo.Client();
        var request = Request("GET", "/api/jobs");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_the_bearer_key_a_posted_job_completes_and_the_pages_the_result_and_the_dashboard_are_served()
    {
        using var client = silo.Client(bearer: AuthSiloFixture.Key);

        await WebSiloFixture.AssertAGoodJobCompletes(client);

        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/jobs");
        var id = jobs[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains(id.ToString(), await client.GetStringAsync($"/jobs/{id}"));
        Assert.StartsWith("x,twice", await client.GetStringAsync($"/api/jobs/{id}/result.csv"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task A_browser_logs_in_once_with_the_key_in_the_url_and_then_uses_the_pages_with_the_cookie()
    {
        var cookies = new CookieContainer();
        using var browser = silo.Client(handler: new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

        var wrong = await browser.GetAsync("/login?key=nope");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.StartsWith("wrong or missing key", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/login")).StatusCode);
        Assert.Empty(cookies.GetCookies(silo.BaseUrl));

        var login = await browser.GetAsync($"/login?key={Uri.EscapeDataString(AuthSiloFixture.Key)}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(cookies.GetCookies(silo.BaseUrl));
        Assert.Equal(WebAuth.CookieName, cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(AuthSiloFixture.Key, cookie.Value);

        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>Rtl</h1>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
        await WebSiloFixture.AssertAGoodJobCompletes(browser);
    }

    [Fact]
    public async Task A_forged_login_cookie_is_a_401()
    {
        using var client = silo.Client();
        var request = Request("GET", "/");
        request.Headers.Add("Cookie", $"{WebAuth.CookieName}={AuthSiloFixture.Key}");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0", null, true)]
    [InlineData("192.168.1.20", null, true)]
    [InlineData("::", null, true)]
    [InlineData("0.0.0.0", "key", false)]
    [InlineData("127.0.0.1", null, false)]
    [InlineData("::1", null, false)]
    [InlineData(null, null, false)]
    public void A_web_app_beyond_loopback_without_a_key_is_warned_about_at_start(string? address, string? key, bool warned)
    {
        var warning = WebAuth.ExposureWarning(new RtlOptions { WebAddress = address, WebApiKey = key });

        Assert.Equal(warned, warning is not null);
        if (warned)
        {
            Assert.Contains("without a key", warning);
            Assert.Contains("WebApiKey", warning);
        }
    }

    internal static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? new StringContent(WebSiloFixture.GoodJob, Encoding.UTF8, "application/json") : null,
    };
}

/// <summary>Without <c>WebApiKey</c> nothing changes: every page answers without a header, and there is no login page.</summary>
[Collection(HttpBadInputSiloCollection.Name)]
public sealed class AuthOffTests(HttpBadInputSiloFixture silo)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/jobs")]
    [InlineData("/dashboard/")]
    public async Task Without_a_key_configured_the_pages_the_api_and_the_dashboard_need_no_header(string path)
    {
        using var client = silo.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Without_a_key_configured_a_job_posts_without_a_header_and_there_is_no_login_page()
    {
        using var client = silo.Client();

        await WebSiloFixture.AssertAGoodJobCompletes(client);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/login?key=anything")).StatusCode);
    }
}
