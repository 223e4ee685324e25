using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rtl.Grains;

namespace Rtl.Hosting;

/// <summary>
/// At silo start, wakes the job index so jobs left unfinished by a crash or a full restart run again.
/// Runs after the silo is up (registered after Orleans) and never blocks start-up.
/// </summary>
public sealed class JobResumer(IGrainFactory grains, ILogger<JobResumer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IJobIndexGrain>(0).Wake();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogDebug(e, "Waking the job index failed (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), stoppingToken);
            }
        }
    }
}
