using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rtl.Hosting;

/// <summary>
/// Work a silo does now and then in the background: a failed round is logged and tried again next period, and
/// nothing of it ever blocks start-up or outlives the silo.
/// </summary>
public abstract class PeriodicService(ILogger log) : BackgroundService
{
    protected abstract TimeSpan FirstDelay { get; }

    protected abstract TimeSpan Period { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellation);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstDelay, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken).WaitAsync(Period, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "{Work} failed; trying again in {Period}", GetType().Name, Period);
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
