using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Rtl.Grains.Hosting;
using Rtl.Grains.Plugins;
using Rtl.Grains.Registry;
using Rtl.Messaging;
using Rtl.Silo.Hosting.Ports;
using Rtl.Silo.Web;
using Rtl.Silo.Storage;
using Rtl.Silo.Security;
using Rtl.Silo.Streams;

namespace Rtl.Silo.Hosting;

/// <summary>Builds an Rtl silo: clustering and grain storage (SQLite in the data dir, or PostgreSQL), TLS and limits, the task bundle, the options.</summary>
public static class SiloHost
{
    public const int DirectoryCacheSize = 10_000;

    public static IHost Build(RtlOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        // Before anything else, so a silo whose port is taken says so at once and touches nothing.
        SiloPorts.EnsureFree(options);
        Directory.CreateDirectory(options.DataDir);
        FilesRoots.Prepare(options);
        // A web application host (no default config sources, like DisableDefaults): the silo serves its web app too.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.AddSimpleConsole(c => (c.SingleLine, c.TimestampFormat) = (true, "HH:mm:ss "));
        builder.Logging.SetMinimumLevel(options.Debug ? LogLevel.Debug : logLevel);
        // Orleans' watchdog reports a stall of hours at start-up (it measures from an unset timestamp);
        // keep it for --debug rather than print that false alarm on every run.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", options.Debug ? LogLevel.Debug : LogLevel.Error);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(services => PluginLoader.Registry(options.ResolvedPluginsDir,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Rtl.Plugins")));
        builder.Services.AddSingleton<KernelThrottle>();
        builder.UseOrleans(silo =>
        {
            silo.UseRtlStorage(options);
            silo.UseRtlSecurity(options);
            silo.UseRtlStreams();
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            silo.Configure<SiloOptions>(o => o.SiloName = options.ResolvedSiloName);
            silo.ConfigureEndpoints(SiloPorts.Advertised(options), options.SiloPort, options.GatewayPort,
                listenOnAnyHostAddress: SiloPorts.ListensOnAnyAddress(options));
            // The message size limit is UseRtlSecurity's: room for the largest table MaxTableBytes allows, no more.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.JobTimeout);
            // Orleans pre-sizes its grain directory caches for 1,000,000 grains: two 9.3 MB arrays in an idle silo.
            // A Pi cluster's durable jobs and named pipelines are far fewer; a miss is one directory lookup.
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
        });
        // 64 KB network buffers instead of Orleans' 4 KB ones: a 16 MB table in ~250 recv calls, not ~4,000.
        WireBufferPool.Install(builder.Services);
        // Large tables to and from other processes on a connection of the silo's own, not inside Orleans messages.
        builder.Services.AddRtlBulkChannel(options);
        builder.Services.AddHostedService<JobResumer>();
        builder.Services.AddHostedService<JobRetentionService>();
        builder.AddRtlWeb(options);
        var app = builder.Build();
        // Load plugins now, so a broken one is reported when the silo starts rather than at its first job.
        app.Services.GetRequiredService<TaskRegistry>();
        app.MapRtlWeb();
        return app;
    }

    /// <summary>
    /// Builds and starts a silo, then checks that it alone listens on its ports (two silos checking at the
    /// same moment could both get them); one that does not is stopped again.
    /// </summary>
    public static async Task<IHost> StartAsync(RtlOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        var host = Build(options, logLevel);
        await host.StartAsync();
        try
        {
            SiloPorts.EnsureSole(options);
            return host;
        }
        catch (PortInUseException)
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
            throw;
        }
    }
}
