using System.Net;
using System.Text.Json;
using Rtl.Messaging;

namespace Rtl.Silo.Web;

/// <summary>
/// Turns any exception a request ends in into an answer that says what went wrong: <c>{"error": "..."}</c> for
/// the API (a readable page for a browser), 503 with <c>Retry-After</c> while the cluster is losing a silo or its
/// storage cannot be written (read-only, the database unreachable), 507 when the disk or database is full, 500
/// otherwise. Without it Kestrel answers an empty 500.
/// </summary>
public static partial class WebErrors
{
    /// <summary>How long a request retries a call that hit a lost silo before answering 503: a user is waiting.</summary>
    public static readonly TimeSpan SiloLossPatience = TimeSpan.FromSeconds(5);

    /// <summary>What a 503 tells the client to wait: the cluster votes a dead silo out within a few such periods.</summary>
    public const int RetryAfterSeconds = 5;

    public static void UseRtlErrors(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rtl.Web");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                var status = StatusOf(e);
                var request = $"{context.Request.Method} {context.Request.Path}";
                RequestFailed(log, e, request, status);
                if (context.Response.HasStarted)
                {
                    throw; // part of the body is out: nothing can be said any more; Kestrel cuts the connection
                }

                await Answer(context, status, Describe(e, request, status));
            }
        });
    }

    /// <summary>503 for a lost silo or a call that got no answer in time, the request's own 4xx, else 500.</summary>
    public static int StatusOf(Exception error) => error switch
    {
        _ when IsUnavailable(error) => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StorageFaults.StatusOf(error) ?? StatusCodes.Status500InternalServerError,
    };

    private static bool IsUnavailable(Exception error) =>
        SiloLoss.Is(error) || error is TimeoutException || error.InnerException is { } inner && IsUnavailable(inner);

    private static string Describe(Exception error, string request, int status) => status switch
    {
        StatusCodes.Status507InsufficientStorage => $"{request} failed: the silo's storage is full ({Cause(error)}); free space on it and retry",
        StatusCodes.Status503ServiceUnavailable when StorageFaults.StatusOf(error) is not null =>
            $"{request} failed: the silo's storage is unavailable ({Cause(error)}); retry when it is back",
        StatusCodes.Status503ServiceUnavailable =>
            $"{request}: the cluster is losing a silo and has not settled yet ({Cause(error)}); retry in {RetryAfterSeconds} s",
        _ => $"{request} failed: {Cause(error)}",
    };

    /// <summary>The error's first line and, when it wraps one, the root cause's: "storage read failed: no such table".</summary>
    private static string Cause(Exception error)
    {
        var root = error;
        while (root.InnerException is { } inner)
        {
            root = inner;
        }

        return root == error ? FirstLine(error.Message) : $"{FirstLine(error.Message)}: {FirstLine(root.Message)}";
    }

    // Orleans puts the inner exception's whole text, stack included, into some messages: a user needs the first line.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Split("   Exc level", 2)[0].TrimEnd('\r', ' ');

    private static async Task Answer(HttpContext context, int status, string message)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (WantsPage(context.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            var title = status == StatusCodes.Status503ServiceUnavailable ? "Cluster busy" : "Something went wrong";
            await response.WriteAsync(PageLayout.Page(title, $"""<p class="error">{WebUtility.HtmlEncode(message)}</p>""", refresh: false));
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(new { error = message }));
    }

    /// <summary>A browser asking for a page (not the JSON API) gets a page.</summary>
    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
