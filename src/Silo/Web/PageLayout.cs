using System.Net;

namespace Rtl.Silo.Web;

/// <summary>The frame every page shares: title, a little CSS, the navigation.</summary>
public static class PageLayout
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 1.5rem auto; max-width: 1200px; color: #222; padding: 0 1rem; }
        header { display: flex; gap: 1.5rem; align-items: baseline; border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
        header h1 { font-size: 1.4rem; margin: .4rem 0; }
        a { color: #1f77b4; }
        .job { border: 1px solid #ddd; border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1.2rem; }
        .job h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
        .status { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .85rem; color: #fff; }
        .status.completed { background: #2ca02c; } .status.failed { background: #d62728; } .status.running { background: #ff7f0e; }
        .error { color: #b00; white-space: pre-wrap; font-family: monospace; }
        table.timings { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
        table.timings th, table.timings td { border-bottom: 1px solid #eee; padding: .2rem .7rem; text-align: left; }
        table.timings td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .notes { color: #555; font-size: .8rem; }
        .plots { display: flex; flex-wrap: wrap; gap: .8rem; }
        .plots img { width: 480px; max-width: 100%; border: 1px solid #eee; }
        .job.detail .plots img { width: 1000px; }
        pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; font-size: .8rem; }
        .muted { color: #777; }
        """;

    public static string Page(string title, string body, bool refresh) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(title)}</title>
        {(refresh ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")}
        <style>{Style}</style>
        </head>
        <body>
        <header><h1>Rtl</h1><a href="/">Jobs</a><a href="/streams">Streams</a><a href="{WebHosting.DashboardPath}/">Orleans dashboard</a><a href="/api/jobs">JSON</a></header>
        {body}
        </body>
        </html>
        """;
}
