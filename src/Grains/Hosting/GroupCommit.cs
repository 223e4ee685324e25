namespace Rtl.Grains.Hosting;

/// <summary>
/// Lets the turns of a reentrant grain share state writes: each caller returns once a write that
/// started after its change has finished, and changes made during a write go out in the next one.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private long changed;
    private long persisted;
    private Task? inFlight;

    public async Task Persist()
    {
        var mine = ++changed;
        while (persisted < mine)
        {
            if (inFlight is null || inFlight.IsCompleted)
            {
                inFlight = WriteCovering(changed);
            }

            await inFlight;
        }
    }

    // The write and the bookkeeping finish together, so whoever awaits it sees the new mark.
    private async Task WriteCovering(long covering)
    {
        await write();
        persisted = Math.Max(persisted, covering);
    }
}
