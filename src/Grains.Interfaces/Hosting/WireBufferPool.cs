using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Networking.Shared;

namespace Rtl.Hosting;

/// <summary>
/// The buffers Orleans' TCP transport receives into and frames messages in: 64 KB blocks instead of Orleans' own
/// 4 KB slab blocks. The transport's receive loop reads at most one pool block per <c>recv</c> call and flushes
/// the pipe after each, so with 4 KB blocks a 16 MB table arrives through ~4,000 system calls and pipe flushes
/// (a quarter of the CPU of a silo → silo table transfer in a profile); with 64 KB blocks, ~250 (larger blocks
/// measured no better). Orleans 10 has no public setting for this pool, so <see cref="Install"/> reaches it
/// through two internal members; if an Orleans upgrade removes them it installs nothing and Orleans keeps its
/// default pool (a test pins that it still installs).
/// </summary>
public sealed class WireBufferPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>Blocks kept for reuse beyond this go back to the GC, so one huge message does not pin its size in
    /// memory for the life of the process: a 32nd of the memory the process may use, 4–64 MB (16 MB on a 512 MB Pi).</summary>
    private static readonly int MaxRetained = (int)Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 32 / BlockSize, 64, 1024);

    private static readonly WireBufferPool Process = new();

    private readonly ConcurrentQueue<Block> free = new();

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        return free.TryDequeue(out var block) ? block : new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing)
    {
    }

    private void Return(Block block)
    {
        if (free.Count < MaxRetained)
        {
            free.Enqueue(block);
        }
    }

    /// <summary>
    /// Makes the Orleans silo or client built from <paramref name="services"/> use 64 KB network buffers: outbound
    /// connections and message framing take the pool from the internal <c>SharedMemoryPool</c> service, inbound
    /// (silo and gateway) listeners from the internal <c>SocketConnectionOptions.MemoryPoolFactory</c>. Call after
    /// <c>UseOrleans</c>/<c>UseOrleansClient</c>. Returns whether both were found.
    /// </summary>
    public static bool Install(IServiceCollection services)
    {
        var shared = typeof(SocketConnectionOptions).Assembly.GetType("Orleans.Networking.Shared.SharedMemoryPool");
        var pool = shared?.GetField("<Pool>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
        var factory = typeof(SocketConnectionOptions).GetProperty("MemoryPoolFactory", BindingFlags.Instance | BindingFlags.NonPublic);
        if (shared is null || pool?.FieldType != typeof(MemoryPool<byte>) || factory?.PropertyType != typeof(Func<MemoryPool<byte>>))
        {
            return false;
        }

        services.AddSingleton(shared, _ =>
        {
            var instance = Activator.CreateInstance(shared, nonPublic: true)!;
            pool.SetValue(instance, Process);
            return instance;
        });
        services.Configure<SocketConnectionOptions>(o => factory.SetValue(o, (Func<MemoryPool<byte>>)(() => Process)));
        return true;
    }

    private sealed class Block(WireBufferPool owner, byte[] array) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory => array;

        public void Dispose() => owner.Return(this);
    }
}
