using System.Buffers;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Networking.Shared;
using Rtl.Messaging;
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

    [Fact]
    public void A_block_returned_twice_throws_naming_the_double_return_even_after_its_next_rent()
    {
        var pool = new WireBufferPool();
        var first = pool.Rent();
        var block = first.Memory;
        first.Dispose();
        using var second = pool.Rent();
        Assert.True(block.Span == second.Memory.Span, "the returned block goes to the next renter");

        var error = Assert.Throws<InvalidOperationException>(first.Dispose);

        Assert.Contains("returned twice", error.Message);
        Assert.Throws<ObjectDisposedException>(() => first.Memory);
        using var third = pool.Rent();
        Assert.False(second.Memory.Span == third.Memory.Span, "one block was handed to two renters");
    }

    [Fact]
    public async Task An_install_that_cannot_reach_Orleans_registers_nothing_of_its_own_and_warns_when_the_host_starts()
    {
        var logged = new Logged();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(logged));

        Assert.False(WireBufferPool.Install(services, _ => throw new MissingFieldException("SharedMemoryPool", "<Pool>k__BackingField")));
        await using var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var warning = Assert.Single(logged.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("64 KB network buffers not installed", warning.Message);
        Assert.IsType<MissingFieldException>(warning.Error);
    }

    private sealed class Logged : ILoggerProvider
    {
        public List<(LogLevel Level, string Message, Exception? Error)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(Logged owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
