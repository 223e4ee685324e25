using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rtl.Client.Storage;
using Rtl.Messaging.Bulk;

namespace Rtl.Client;

/// <summary>
/// A client's bulk channel for its large inputs, on loopback only: a ticket names 127.0.0.1, so it is offered only
/// when every silo that may receive it is on this host.
/// </summary>
internal static class ClientBulkChannel
{
    public static bool Wanted(RtlClientOptions options) =>
        options.BulkChannel
        && options.TlsCertificate is not { Length: > 0 }
        && (options.Gateways.Count > 0
            ? options.Gateways.All(gateway => IPAddress.IsLoopback(gateway.Address))
            : !StorageKind.IsPostgres(options.Storage, options.ConnectionString)); // SQLite: silos share this host's file

    public static void Add(IServiceCollection services) =>
        BulkChannel.Register(services, new BulkChannelOptions { Bind = IPAddress.Loopback, Advertised = IPAddress.Loopback });
}
