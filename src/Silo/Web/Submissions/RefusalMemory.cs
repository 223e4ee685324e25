using System.Runtime;

namespace Rtl.Silo.Web.Submissions;

/// <summary>
/// Gives back to the system what a refused request made the silo hold: a table of hundreds of MB read from a body
/// and then refused (a bad pipeline, a limit) would otherwise stay resident until the GC next needs the room, which
/// on a quiet silo may be never. Only after refusals that allocated a lot, so normal traffic never pays for it.
/// </summary>
internal static class RefusalMemory
{
    private const long Threshold = 64L << 20;

    /// <summary>
    /// A moment after the answer, and again a little later: the request's last frames (which may still reach the
    /// table while the answer is sent inline from them) must have unwound for the collection to free it.
    /// </summary>
    private static readonly TimeSpan[] Waits = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2)];

    /// <summary>1 while a release is scheduled: refusals in quick succession share one, so they cannot keep the GC busy.</summary>
    private static int scheduled;

    public static long Mark() => GC.GetTotalAllocatedBytes();

    public static void ReleaseSoon(long mark)
    {
        if (GC.GetTotalAllocatedBytes() - mark < Threshold || Interlocked.Exchange(ref scheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var wait in Waits)
                {
                    await Task.Delay(wait);
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
            finally
            {
                Volatile.Write(ref scheduled, 0);
            }
        });
    }
}
