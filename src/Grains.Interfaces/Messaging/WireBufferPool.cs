using System.Buffers;
using System.Collections.Concurrent;

namespace Rtl.Messaging;

/// <summary>
/// The buffers Orleans' TCP transport receives into and frames messages in: 64 KB blocks instead of Orleans' own
/// 4 KB slab blocks. The transport's receive loop reads at most one pool block per <c>recv</c> call and flushes
/// the pipe after each, so with 4 KB blocks a 16 MB table arrives through ~4,000 system calls and pipe flushes
/// (a quarter of the CPU of a silo → silo table transfer in a profile); with 64 KB blocks, ~250 (larger blocks
/// measured no better). Orleans 10 has no public setting for this pool: <c>Install</c> reaches it through
/// two internal members (WireBufferPool.Install.cs).
/// </summary>
public sealed partial class WireBufferPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>Blocks kept for reuse beyond this go back to the GC, so one huge message does not pin its size in
    /// memory for the life of the process: a 32nd of the memory the process may use, 4–64 MB (16 MB on a 512 MB Pi).</summary>
    private static readonly int MaxRetained = (int)Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 32 / BlockSize, 64, 1024);

    private static readonly WireBufferPool Process = new();

    private readonly ConcurrentQueue<byte[]> free = new();

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        return new Lease(this, free.TryDequeue(out var block) ? block : GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing)
    {
    }

    private void Return(byte[] block)
    {
        if (free.Count < MaxRetained)
        {
            free.Enqueue(block);
        }
    }

    /// <summary>
    /// One rent of a 64 KB block, returned once. A second return throws: queued twice, the block would be handed
    /// to two renters at once and one message's bytes would silently overwrite another's. A lease per rent (not a
    /// flag on the block) catches a late second return even after the block went to its next renter.
    /// </summary>
    private sealed class Lease(WireBufferPool owner, byte[] block) : IMemoryOwner<byte>
    {
        private byte[]? leased = block;

        public Memory<byte> Memory => leased ?? throw new ObjectDisposedException(nameof(WireBufferPool), "this block was returned to the pool");

        public void Dispose() => owner.Return(Interlocked.Exchange(ref leased, null) ?? throw new InvalidOperationException(
            "a WireBufferPool block was returned twice (disposed again after its rent ended); taking it back would hand one buffer to two owners"));
    }
}
