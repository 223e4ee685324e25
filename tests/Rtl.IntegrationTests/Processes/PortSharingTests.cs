using System.Net;
using Rtl.Silo.Hosting.Ports;
using Xunit;

namespace Rtl.IntegrationTests.Processes;

/// <summary>Why a silo checks its ports itself, and that the check sees through the sharing.</summary>
public sealed class PortSharingTests
{
    [Fact]
    public void Two_listeners_bound_the_way_Orleans_binds_share_one_port()
    {
        // The cause of the split clusters: the kernel lets the second bind succeed (SO_REUSEPORT, same user).
        using var first = OrleansStyleListener.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)first.LocalEndPoint!;

        using var second = OrleansStyleListener.Listen(endpoint);

        Assert.Equal(endpoint, second.LocalEndPoint);
        Assert.Equal(2, TcpListeners.Covering(endpoint).Count);
    }

    [Fact]
    public void A_listener_bound_the_way_Orleans_binds_is_still_seen_as_taken_on_its_address_and_the_wildcard()
    {
        using var orleansStyle = OrleansStyleListener.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)orleansStyle.LocalEndPoint!;

        Assert.False(ExclusivePorts.IsFree(endpoint, "gateway"), $"port {endpoint.Port} reported free while a listener holds it");
        Assert.False(ExclusivePorts.IsFree(new IPEndPoint(IPAddress.Any, endpoint.Port), "gateway"), "the wildcard address overlaps it too");
    }

    [Fact]
    public void The_holder_of_a_listening_port_is_found_by_its_socket_inode()
    {
        using var listener = OrleansStyleListener.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;

        var socket = Assert.Single(TcpListeners.Covering(endpoint));
        var owner = TcpListeners.Owner(socket.Inode);

        Assert.True(owner is not null, $"no process found for the socket inode {socket.Inode} of port {endpoint.Port}");
        Assert.Equal(Environment.ProcessId, owner.Value.Pid);
        Assert.Contains(socket.Inode, TcpListeners.OwnSocketInodes());
    }

    [Fact]
    public void A_port_that_only_this_process_listens_on_passes_the_after_start_check()
    {
        using var own = OrleansStyleListener.Listen(new IPEndPoint(IPAddress.Loopback, 0));

        ExclusivePorts.EnsureSole((IPEndPoint)own.LocalEndPoint!, "gateway", "gateway-port");
    }
}
