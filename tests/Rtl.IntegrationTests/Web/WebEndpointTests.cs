using System.Net;
using System.Net.Sockets;
using Rtl.Grains.Hosting;
using Rtl.Silo.Hosting.Ports;
using Rtl.Silo.Web;
using Xunit;

namespace Rtl.IntegrationTests.Web;

public sealed class WebEndpointTests
{
    [Fact]
    public void A_taken_web_port_moves_on_to_the_next_free_one_on_loopback()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var chosen = WebEndpoint.Choose(new RtlOptions { WebPort = port });

        Assert.Equal(IPAddress.Loopback, chosen.Address);
        Assert.True(chosen.Port > port && chosen.Port < port + WebEndpoint.Attempts, $"chose {chosen.Port} after {port}");
    }

    [Fact]
    public void A_taken_web_port_that_was_given_explicitly_is_refused_naming_the_port_and_its_holder()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var refused = Assert.Throws<PortInUseException>(() => WebEndpoint.Choose(new RtlOptions { WebPort = port, WebPortMayMove = false }));

        Assert.Contains($"web port {port} (127.0.0.1) is already in use by pid {Environment.ProcessId} ", refused.Message);
        Assert.Contains("--web-port", refused.Message);
    }

    [Fact]
    public void Web_port_zero_lets_the_system_pick()
    {
        Assert.Equal(0, WebEndpoint.Choose(new RtlOptions { WebPort = 0 }).Port);
    }
}
