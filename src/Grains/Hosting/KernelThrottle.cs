using Microsoft.Extensions.Options;

namespace Rtl.Grains.Hosting;

/// <summary>Caps the kernels running at once on this silo (the seed's TASK_WORKERS).</summary>
public sealed class KernelThrottle(IOptions<RtlOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrentKernels));

    public async Task<T> Run<T>(Func<T> work, bool offload)
    {
        await slots.WaitAsync();
        try
        {
            // Big tables leave the Orleans scheduler thread so one long kernel cannot stall other grains.
            return offload ? await Task.Run(work) : work();
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The silo has stopped (the container disposes its singletons): no kernel waits for a slot.</summary>
    public void Dispose() => slots.Dispose();
}
