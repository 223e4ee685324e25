namespace Rtl.Hosting;

/// <summary>Failures that mean "the silo running this went away", which a retry elsewhere can cure.</summary>
public static class SiloLoss
{
    public const int Attempts = 3;

    public static bool Is(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => error.InnerException is { } inner && Is(inner),
    };

    /// <summary>Runs <paramref name="call"/> (given the attempt number) again while it fails with a lost silo.</summary>
    public static async Task<T> Retry<T>(Func<int, Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(attempt);
            }
            catch (Exception e) when (Is(e) && attempt + 1 < Attempts)
            {
                // A dead silo is dropped from placement once declared dead; a fresh key gets a fresh activation.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)));
            }
        }
    }
}
