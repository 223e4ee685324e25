using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.StaticFiles;
using Orleans.Dashboard;

namespace Rtl.Silo.Web;

/// <summary>
/// Serves the Orleans dashboard's page, script, styles, fonts and images straight from its assembly's resources.
/// Orleans' own provider (the internal <c>EmbeddedAssetProvider</c>) copies every resource into an array and gzips
/// it as the dashboard is mapped: 21 MB of heap for the life of the silo, most of it a 12.9 MB source map that no
/// route serves, and the gzip work at every start-up. Here nothing is read until a browser asks, and then only
/// from the mapped assembly file (no gzip: the browser keeps the files and revalidates them by ETag).
/// </summary>
public static class DashboardAssets
{
    private static readonly Assembly Dashboard = typeof(DashboardOptions).Assembly;

    /// <summary>
    /// Built with the first dashboard request, not with the silo: the content-type table is some 400 entries, and
    /// its assembly is not compiled ahead of time (Release.props, RtlJitAssemblies).
    /// </summary>
    private static class Files
    {
        public static readonly FileExtensionContentTypeProvider ContentTypes = new();

        /// <summary>Dashboard paths (below its prefix) that Orleans answers with a file, and the resource each names.</summary>
        public static readonly Dictionary<string, string> Resources = Dashboard.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..], n => n, StringComparer.OrdinalIgnoreCase);

        private static string Prefix => Dashboard.GetName().Name + ".wwwroot.";
    }

    /// <summary>
    /// Puts an unconstructed <c>EmbeddedAssetProvider</c> in Orleans' place (its mapping needs one to exist; the
    /// routes that would use it are answered by <see cref="UseDashboardAssets"/> first). Call after <c>AddDashboard</c>.
    /// Returns false, changing nothing, if an Orleans upgrade renamed it (a test pins that it is found).
    /// </summary>
    public static bool Install(IServiceCollection services)
    {
        if (Dashboard.GetType("Orleans.Dashboard.EmbeddedAssetProvider") is not { } provider)
        {
            return false;
        }

        services.AddSingleton(provider, _ => RuntimeHelpers.GetUninitializedObject(provider));
        return true;
    }

    /// <summary>Answers the dashboard's file routes under <paramref name="prefix"/>; everything else passes on.</summary>
    public static void UseDashboardAssets(this IApplicationBuilder app, string prefix) =>
        app.Use((context, next) => Resource(context.Request, prefix) is { } name ? Serve(context, name) : next(context));

    /// <summary>The resource a request names, as Orleans maps them: <c>/</c> is <c>index.html</c>; <c>fonts/</c> and <c>img/</c> are folders.</summary>
    public static string? Resource(HttpRequest request, string prefix)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest)
            || rest.Value is not { Length: > 0 } path)
        {
            return null; // "/dashboard" without its slash: Orleans redirects it
        }

        var file = path == "/" ? "index.html" : path[1..];
        var routed = !file.Contains('/') ? file is "index.html" or "favicon.ico" or "index.min.js" or "index.css"
            : file.StartsWith("fonts/", StringComparison.OrdinalIgnoreCase) || file.StartsWith("img/", StringComparison.OrdinalIgnoreCase);
        return routed && Files.Resources.TryGetValue(file.Replace('/', '.'), out var name) ? name : null;
    }

    private static async Task Serve(HttpContext context, string name)
    {
        var response = context.Response;
        // The resources change only with the Orleans build, so its module id and the name make the tag.
        var etag = $"\"{Dashboard.ManifestModule.ModuleVersionId:N}-{name}\"";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await using var stream = Dashboard.GetManifestResourceStream(name)!;
        response.ContentType = Files.ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
        response.ContentLength = stream.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await stream.CopyToAsync(response.Body, context.RequestAborted);
        }
    }
}
