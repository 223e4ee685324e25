using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rtl.Grains;

namespace Rtl.Hosting;

/// <summary>
/// Keeps the job index awake from every silo: at start, so jobs left unfinished by a crash or a full
/// restart run again, and then periodically, so the index comes back on a surviving silo when the one
/// holding it dies. Never blocks start-up.
/// </summary>
public sealed class JobResumer(IGrainFactory grains, ILogger<JobResumer> log) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await grains.GetGrain<IJobIndexGrain>(0).Wake().WaitAsync(Period, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogDebug(e, "Waking the job index failed; trying again in {Period}", Period);
                }

                await Task.Delay(Period, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
