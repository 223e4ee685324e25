
namespace Rtl.Silo.Hosting;

/// <summary>
/// Work a silo does now and then in the background: a failed round is logged and tried again next period, and
/// nothing of it ever blocks start-up or outlives the silo.
/// </summary>
public abstract partial class PeriodicService(ILogger log) : BackgroundService
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
                    LogFailed(log, e, GetType().Name, Period);
                }

                await Task.Delay(Period, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; trying again in {Period}")]
    private static partial void LogFailed(ILogger log, Exception e, string work, TimeSpan period);
}
