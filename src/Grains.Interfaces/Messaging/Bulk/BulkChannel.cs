using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rtl.Data;

namespace Rtl.Messaging.Bulk;

/// <summary>
/// A process's side channel for large tables: while it runs, <see cref="TableCodec"/> parks a table of at least
/// <see cref="BulkChannelOptions.MinBytes"/> here and sends only a ticket (this endpoint and a token) in the Orleans
/// message; the receiver fetches the columns over a connection of its own, as Dask's workers move data. The
/// message framing's copies are skipped: the columns go from their arrays to the socket, and from the socket into
/// the new arrays.
/// </summary>
public sealed partial class BulkChannel(BulkChannelOptions options, ILogger<BulkChannel> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    private BulkListener? listener;
    private Timer? sweeper;

    public BulkParking Parking { get; } = new(options.MaxParkedBytes, options.Expiry, TimeProvider.System);

    /// <summary>Runs a channel with <paramref name="options"/> while the host runs; the table codec finds it there.</summary>
    public static void Register(IServiceCollection services, BulkChannelOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<BulkChannel>();
        services.AddHostedService(provider => provider.GetRequiredService<BulkChannel>());
    }

    /// <summary>Where receivers fetch from; null until the channel started.</summary>
    public IPEndPoint? Endpoint { get; private set; }

    /// <summary>A ticket for <paramref name="table"/>, or null when it goes inline: small, the channel stopped, or the cap reached.</summary>
    public BulkTicket? TryPark(Table table)
    {
        if (Endpoint is not { } endpoint || table.ByteSize < options.MinBytes)
        {
            return null;
        }

        return Parking.TryPark(table) is { } token ? new BulkTicket(endpoint, token) : null;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener = new BulkListener(new IPEndPoint(options.Bind, options.Port), Parking, logger);
        sweeper = new Timer(_ => Parking.Sweep(), null, SweepEvery, SweepEvery);
        Endpoint = new IPEndPoint(options.Advertised, listener.Port);
        Listening(logger, Endpoint, options.MinBytes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Endpoint = null;
        sweeper?.Dispose();
        listener?.Dispose();
    }
}

/// <summary>What a message carries instead of a parked table's columns.</summary>
public sealed record BulkTicket(IPEndPoint Endpoint, Guid Token);
