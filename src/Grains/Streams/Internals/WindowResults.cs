using Rtl.Streams;

namespace Rtl.Grains.Streams.Internals;

/// <summary>
/// A DataNode's recent windows in memory, for subscribers and the live page: at most 100 windows and 16 MB of result
/// tables (the latest is always kept), and the PNGs of the latest window's plots. Waiters for the next window are
/// woken when one is added.
/// </summary>
public sealed class WindowResults
{
    public const long MaxResultBytes = 16L << 20;

    private readonly LinkedList<StreamWindow> windows = new();
    private Dictionary<string, byte[]> plots = new(StringComparer.Ordinal);
    private TaskCompletionSource added = NewSignal();
    private long bytes;

    public StreamWindow? Latest => windows.Last?.Value;

    public IReadOnlyList<string> PlotNames => [.. plots.Keys];

    public void Add(StreamWindow window, IEnumerable<string> plotFiles)
    {
        windows.AddLast(window);
        bytes += window.Result?.ByteSize ?? 0;
        while (windows.Count > 1 && (windows.Count > 100 || bytes > MaxResultBytes))
        {
            bytes -= windows.First!.Value.Result?.ByteSize ?? 0;
            windows.RemoveFirst();
        }

        plots = plotFiles.Where(File.Exists).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        var woken = added;
        added = NewSignal();
        woken.TrySetResult();
    }

    public byte[]? Plot(string name) => plots.GetValueOrDefault(name);

    /// <summary>The kept windows numbered above <paramref name="after"/>; waits up to <paramref name="wait"/> when there are none yet.</summary>
    public async Task<IReadOnlyList<StreamWindow>?> After(long after, TimeSpan wait)
    {
        var newer = Newer(after);
        if (newer.Count > 0 || wait <= TimeSpan.Zero)
        {
            return newer;
        }

        await Task.WhenAny(added.Task, Task.Delay(wait));
        return Newer(after);
    }

    public void Clear()
    {
        windows.Clear();
        plots.Clear();
        bytes = 0;
        added.TrySetResult();
    }

    private List<StreamWindow> Newer(long after) => windows.Where(w => w.Window > after).ToList();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
