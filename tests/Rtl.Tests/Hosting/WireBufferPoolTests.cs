using System.Buffers;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Networking.Shared;
using Rtl.Hosting;
using Xunit;

namespace Rtl.Tests.Hosting;

public sealed class WireBufferPoolTests
{
    [Fact]
    public void It_still_reaches_the_Orleans_transport_pools()
    {
        var services = new ServiceCollection();
        services.AddOptions();
        Assert.True(WireBufferPool.Install(services), "Orleans' internal pool members moved: the transport is back to 4 KB buffers");
        using var provider = services.BuildServiceProvider();

        var sharedType = typeof(SocketConnectionOptions).Assembly.GetType("Orleans.Networking.Shared.SharedMemoryPool")!;
        var shared = provider.GetRequiredService(sharedType);
        var outbound = (MemoryPool<byte>)sharedType.GetProperty("Pool")!.GetValue(shared)!;
        Assert.Equal(WireBufferPool.BlockSize, outbound.MaxBufferSize);

        var options = provider.GetRequiredService<IOptions<SocketConnectionOptions>>().Value;
        var factory = (Func<MemoryPool<byte>>)typeof(SocketConnectionOptions)
            .GetProperty("MemoryPoolFactory", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(options)!;
        Assert.Same(outbound, factory());
    }

    [Fact]
    public void Blocks_are_whole_and_reused()
    {
        var services = new ServiceCollection();
        WireBufferPool.Install(services);
        var pool = new WireBufferPool();
        var first = pool.Rent(2048);
        Assert.Equal(WireBufferPool.BlockSize, first.Memory.Length);
        var memory = first.Memory;
        first.Dispose();
        using var second = pool.Rent();
        Assert.True(memory.Span == second.Memory.Span, "a returned block is handed out again");
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(WireBufferPool.BlockSize + 1));
    }
}
