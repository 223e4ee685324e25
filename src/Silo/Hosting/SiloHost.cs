using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Rtl.Registry;
using Rtl.Silo.Storage;

namespace Rtl.Hosting;

/// <summary>Builds an Rtl silo: SQLite clustering and grain storage in the data dir, the task bundle, the options.</summary>
public static class SiloHost
{
    public static IHost Build(RtlOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        Directory.CreateDirectory(options.DataDir);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(c => (c.SingleLine, c.TimestampFormat) = (true, "HH:mm:ss "));
        builder.Logging.SetMinimumLevel(options.Debug ? LogLevel.Debug : logLevel);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(TaskRegistry.BuiltIn());
        builder.Services.AddSingleton<KernelThrottle>();
        builder.UseOrleans(silo =>
        {
            silo.UseRtlSqlite(options.DatabasePath);
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            var address = options.AdvertisedAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;
            silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort,
                listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.JobTimeout);
        });
        return builder.Build();
    }
}
