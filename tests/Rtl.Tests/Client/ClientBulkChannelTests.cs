using System.Net;
using Rtl.Client;
using Xunit;

namespace Rtl.Tests.Client;

/// <summary>A client offers its loopback bulk channel only where every silo that may fetch from it is on this host.</summary>
public sealed class ClientBulkChannelTests
{
    [Fact]
    public void A_client_of_the_data_dirs_sqlite_cluster_offers_it() =>
        Assert.True(ClientBulkChannel.Wanted(new RtlClientOptions { DataDir = "/tmp/rtl-data" }));

    [Fact]
    public void Loopback_gateways_only_offer_it_and_any_other_gateway_does_not()
    {
        var loopback = new IPEndPoint(IPAddress.Loopback, 30000);
        var other = new IPEndPoint(IPAddress.Parse("192.168.1.21"), 30000);

        Assert.True(ClientBulkChannel.Wanted(new RtlClientOptions { Gateways = [loopback, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 30000)] }));
        Assert.False(ClientBulkChannel.Wanted(new RtlClientOptions { Gateways = [loopback, other] }));
    }

    [Fact]
    public void Postgres_tls_or_turned_off_does_not_offer_it()
    {
        Assert.False(ClientBulkChannel.Wanted(new RtlClientOptions { Storage = "postgres", ConnectionString = "Host=pi1;Database=rtl" }));
        Assert.False(ClientBulkChannel.Wanted(new RtlClientOptions { TlsCertificate = "/etc/rtl/cluster.pfx" }));
        Assert.False(ClientBulkChannel.Wanted(new RtlClientOptions { BulkChannel = false }));
    }
}
