using System.Globalization;
using System.Net;
using System.Text;
using Rtl.Streams;

namespace Rtl.Silo.Web;

/// <summary>
/// The live pages: <c>/streams</c> lists the streams with their rates, <c>/streams/NAME</c> shows one — counters, the
/// source's connection, the latest window's table and plots, the last windows' timings — refreshing every 2 s.
/// </summary>
public static class StreamsPages
{
    public static void MapStreamsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/streams", async (IClusterClient cluster) =>
        {
            var names = await cluster.GetGrain<IStreamCatalogGrain>(0).List();
            var statuses = (await Task.WhenAll(names.Select(n => cluster.GetGrain<IDataNodeGrain>(n).Status()))).OfType<StreamStatus>().ToArray();
            return Html(PageLayout.Page("Rtl streams", List(statuses), refresh: true));
        });
        app.MapGet("/streams/{name}", async (IClusterClient cluster, string name) =>
            await cluster.GetGrain<IDataNodeGrain>(name).Status() is { } status
                ? Html(PageLayout.Page($"Rtl stream {name}", Detail(status), refresh: true))
                : JobsPages.NotFoundPage("No such stream", $"<p>No stream named <code>{WebUtility.HtmlEncode(name)}</code>. <a href=\"/streams\">All streams</a></p>"));
    }

    private static string List(StreamStatus[] streams)
    {
        if (streams.Length == 0)
        {
            return "<p class=\"muted\">No streams yet: <code>rtl stream add NAME PIPELINE.json --window N --source mqtt://HOST:PORT/TOPIC</code></p>";
        }

        var html = new StringBuilder("<table class=\"timings\"><tr><th>stream</th><th>source</th><th>rows/s</th><th>received</th><th>windows</th><th>rejected</th><th>dropped</th></tr>");
        foreach (var s in streams)
        {
            var name = WebUtility.HtmlEncode(s.Definition.Name);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"/streams/{name}\">{name}</a></td><td>{WebUtility.HtmlEncode(s.Definition.Source)}</td><td class=\"num\">{s.RowsPerSecond:N1}</td>"
                + $"<td class=\"num\">{s.Received:N0}</td><td class=\"num\">{s.Windows:N0}</td><td class=\"num\">{s.Rejected:N0}</td><td class=\"num\">{s.Dropped:N0}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Detail(StreamStatus s)
    {
        var name = WebUtility.HtmlEncode(s.Definition.Name);
        var html = new StringBuilder($"<div class=\"job detail\"><h2>Stream {name}</h2>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Windows of {s.Definition.Window:N0} rows from <code>{WebUtility.HtmlEncode(s.Definition.Source)}</code> — {WebUtility.HtmlEncode(s.Source)}<br>"
            + $"{s.RowsPerSecond:N1} rows/s; received {s.Received:N0}, windows {s.Windows:N0}, open rows {s.OpenRows:N0}, rejected {s.Rejected:N0}, dropped {s.Dropped:N0}</p>");
        if (s.LastError is { } error)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">{WebUtility.HtmlEncode(error)}</p>");
        }

        if (s.LatestPlots.Count > 0)
        {
            html.Append("<div class=\"plots\">");
            foreach (var plot in s.LatestPlots)
            {
                // The query changes each window, so the browser fetches the redrawn plot.
                html.Append(CultureInfo.InvariantCulture,
                    $"<img src=\"/api/streams/{name}/plots/{WebUtility.UrlEncode(plot)}?window={s.Windows - 1}\" alt=\"{WebUtility.HtmlEncode(plot)}\">");
            }

            html.Append("</div>");
        }

        if (s.Latest is { } latest)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>Window {s.Windows - 1}</h3><pre>{WebUtility.HtmlEncode(latest.ToPreview())}</pre>");
        }

        html.Append("<table class=\"timings\"><tr><th>window</th><th>rows</th><th>closed</th><th>ms</th><th>error</th></tr>");
        foreach (var w in s.Recent.AsEnumerable().Reverse().Take(20))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"num\">{w.Window}</td><td class=\"num\">{w.Rows:N0}</td><td>{w.Closed:HH:mm:ss.fff}</td><td class=\"num\">{w.Milliseconds:F2}</td><td class=\"error\">{WebUtility.HtmlEncode(w.Error ?? "")}</td></tr>");
        }

        return html.Append("</table></div>").ToString();
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");
}
