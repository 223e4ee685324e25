using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Web;

/// <summary>The silo's web app: the Orleans dashboard, the jobs pages, the JSON API and the plot files.</summary>
public static class WebHosting
{
    public const string DashboardPath = "/dashboard";

    /// <summary>Kestrel on the chosen endpoint, routing, and the Orleans dashboard's services.</summary>
    public static void AddRtlWeb(this WebApplicationBuilder builder, RtlOptions options)
    {
        var endpoint = WebEndpoint.Choose(options);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint);
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes(options.MaxTableBytes);
        });
        builder.Services.AddRoutingCore();
        // A query or route value that does not bind (count=abc) throws, so UseRtlErrors answers it with a JSON error
        // naming the parameter, instead of ASP.NET's empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        if (options.Dashboard)
        {
            // UseOrleans again reaches the same silo builder the host configured.
            builder.UseOrleans(silo => silo.AddDashboard());
            DashboardAssets.Install(builder.Services);
        }
    }

    public static void MapRtlWeb(this WebApplication app)
    {
        // First, so it wraps everything after it: no request ends in an empty 5xx.
        app.UseRtlErrors();
        var options = app.Services.GetRequiredService<IOptions<RtlOptions>>().Value;
        app.UseRtlWebAuth(options);
        if (options.Dashboard)
        {
            app.UseDashboardAssets(DashboardPath);
            app.MapOrleansDashboard(DashboardPath);
        }
        else
        {
            // The pages still link here: say why there is nothing, rather than a bare 404.
            app.MapGet(DashboardPath + "/{**rest}", () => JobsPages.NotFoundPage("Orleans dashboard off",
                "<p>The Orleans dashboard is off on this silo (<code>--no-dashboard</code>, or <code>Dashboard: false</code>).</p>"));
        }

        app.MapJobsApi();
        app.MapRunApi();
        app.MapCatalogApi();
        app.MapJobsPages();
        app.MapStreamsApi();
        app.MapStreamsPages();
    }

    /// <summary>The web app's base URL once the host has started, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public static string? Url(IServiceProvider services) =>
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();

    /// <summary>One line for the console: where the pages are, and why the port differs if it does.</summary>
    public static string Describe(IServiceProvider services, RtlOptions options)
    {
        var url = Url(services) ?? "(not listening)";
        var moved = options.WebPort != 0 && !url.EndsWith($":{options.WebPort}", StringComparison.Ordinal)
            ? $" (port {options.WebPort} was in use)"
            : "";
        var dashboard = options.Dashboard ? $", {url}{DashboardPath}/ (Orleans dashboard)" : " (Orleans dashboard off)";
        return $"Web app: {url}/ (jobs and plots){dashboard}{moved}";
    }
}
