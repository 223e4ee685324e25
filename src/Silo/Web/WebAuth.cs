using System.Net;
using System.Security.Cryptography;
using System.Text;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Web;

/// <summary>
/// The web app's one optional lock: with <see cref="RtlOptions.WebApiKey"/> set, every request (pages, the JSON API,
/// plots and results, the dashboard) needs <c>Authorization: Bearer &lt;key&gt;</c> or the cookie that
/// <c>/login?key=&lt;key&gt;</c> sets; anything else is a 401. Keys are compared in constant time.
/// </summary>
public static partial class WebAuth
{
    public const string LoginPath = "/login";

    public const string CookieName = "rtl_web";

    /// <summary>Requires the key on every request when one is configured; without one, changes nothing.</summary>
    public static void UseRtlWebAuth(this WebApplication app, RtlOptions options)
    {
        if (ExposureWarning(options) is { } warning)
        {
            LogExposed(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rtl.Web"), warning);
        }

        if (string.IsNullOrEmpty(options.WebApiKey))
        {
            return;
        }

        var key = new Key(options.WebApiKey);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
            {
                await Login(context, key);
                return;
            }

            if (Check(context.Request, key) is { } refusal)
            {
                await Refuse(context, refusal);
                return;
            }

            await next(context);
        });
    }

    /// <summary>The start-up warning for a web app that listens beyond this host without a key, or null.</summary>
    public static string? ExposureWarning(RtlOptions options)
    {
        if (!string.IsNullOrEmpty(options.WebApiKey) || options.WebAddress is not { Length: > 0 } text
            || !IPAddress.TryParse(text, out var address) || IPAddress.IsLoopback(address))
        {
            return null;
        }

        return $"the web app listens on {text}, beyond this host, without a key: anyone who can reach it can see every job and "
            + "submit new ones. Set WebApiKey (RTL_WebApiKey or appsettings.json) and put a TLS reverse proxy in front of it (see README, Security).";
    }

    /// <summary>Null when the request carries the key (header or login cookie); otherwise why it is refused.</summary>
    private static string? Check(HttpRequest request, Key key)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && key.Matches(header["Bearer ".Length..].Trim())
                ? null
                : "wrong key: send 'Authorization: Bearer <WebApiKey>'";
        }

        if (request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            return key.MatchesCookie(cookie) ? null : $"the login cookie is out of date: open {LoginPath}?key=<WebApiKey> again";
        }

        return $"this web app needs its key: send 'Authorization: Bearer <WebApiKey>', or open {LoginPath}?key=<WebApiKey> in a browser";
    }

    private static async Task Login(HttpContext context, Key key)
    {
        if (!key.Matches(context.Request.Query["key"].ToString()))
        {
            await Refuse(context, $"wrong or missing key: open {LoginPath}?key=<WebApiKey>");
            return;
        }

        context.Response.Cookies.Append(CookieName, key.CookieValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(30),
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect("/");
    }

    private static Task Refuse(HttpContext context, string error)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"rtl\"";
        return context.Response.WriteAsJsonAsync(new { error });
    }

    /// <summary>The key as hashes, so every comparison is of equal lengths and in constant time.</summary>
    private sealed class Key(string key)
    {
        private readonly byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

        /// <summary>The cookie holds a value derived from the key, not the key itself.</summary>
        public string CookieValue { get; } = Convert.ToHexString(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), "rtl web login"u8));

        public bool Matches(string supplied) =>
            CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(supplied)));

        public bool MatchesCookie(string supplied) =>
            CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(CookieValue)), SHA256.HashData(Encoding.UTF8.GetBytes(supplied)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogExposed(ILogger log, string warning);
}
