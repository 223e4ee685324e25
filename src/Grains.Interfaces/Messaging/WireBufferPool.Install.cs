using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Networking.Shared;

namespace Rtl.Messaging;

public sealed partial class WireBufferPool
{
    private const string SharedMemoryPool = "Orleans.Networking.Shared.SharedMemoryPool, Orleans.Core";

    /// <summary>
    /// Makes the Orleans silo or client built from <paramref name="services"/> use 64 KB network buffers: outbound
    /// connections and message framing take the pool from the internal <c>SharedMemoryPool</c> service, inbound
    /// (silo and gateway) listeners from the internal <c>SocketConnectionOptions.MemoryPoolFactory</c>. Call after
    /// <c>UseOrleans</c>/<c>UseOrleansClient</c>. Returns whether it installed; if an Orleans upgrade removed those
    /// members, Orleans keeps its default pool and the host logs a warning when it starts (a test pins that it installs).
    /// </summary>
    public static bool Install(IServiceCollection services) => Install(services, OrleansPools);

    /// <summary><see cref="Install(IServiceCollection)"/> with the Orleans-specific part given, so a test can make it fail.</summary>
    internal static bool Install(IServiceCollection services, Action<IServiceCollection> wire)
    {
        try
        {
            wire(services);
            return true;
        }
        catch (Exception e) when (e is MissingMemberException or TypeLoadException or FileNotFoundException)
        {
            services.AddHostedService(provider => new InstallWarning(provider.GetRequiredService<ILogger<WireBufferPool>>(), e));
            return false;
        }
    }

    /// <summary>
    /// Every accessor is called here, before anything is registered: a member an upgrade removed throws now, not
    /// later inside Orleans' option or service resolution.
    /// </summary>
    private static void OrleansPools(IServiceCollection services)
    {
        var shared = NewSharedMemoryPool();
        SharedPool(shared) = Process;
        SetMemoryPoolFactory(new SocketConnectionOptions(), () => Process);

        services.AddSingleton(shared.GetType(), shared);
        services.Configure<SocketConnectionOptions>(o => SetMemoryPoolFactory(o, () => Process));
    }

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType(SharedMemoryPool)]
    private static extern object NewSharedMemoryPool();

    // `public MemoryPool<byte> Pool { get; } = …`: a getter-only property, so its backing field.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "<Pool>k__BackingField")]
    private static extern ref MemoryPool<byte> SharedPool([UnsafeAccessorType(SharedMemoryPool)] object pool);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_MemoryPoolFactory")]
    private static extern void SetMemoryPoolFactory(SocketConnectionOptions options, Func<MemoryPool<byte>> factory);

    /// <summary>Says once, as the host starts, that the transport runs on Orleans' 4 KB buffers.</summary>
    private sealed class InstallWarning(ILogger<WireBufferPool> logger, Exception error) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            NotInstalled(logger, error);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
