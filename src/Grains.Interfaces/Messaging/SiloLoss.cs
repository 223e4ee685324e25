using System.Diagnostics;

namespace Rtl.Messaging;

/// <summary>Failures that mean "the silo running this went away", which a retry elsewhere can cure.</summary>
public static class SiloLoss
{
    /// <summary>
    /// How long to keep retrying: until the cluster has voted the silo dead (~10–30 s), a retry may still be
    /// placed on it; afterwards placement only sees live silos.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static bool Is(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException => true,
        Bulk.BulkFetchException => true, // the silo holding a table its message named went away before it was fetched
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => error.InnerException is { } inner && Is(inner),
    };

    /// <summary>
    /// Runs <paramref name="call"/> (given the attempt number) again while it fails with a lost silo (or, with
    /// <paramref name="retryOn"/>, with what that accepts), for <paramref name="patience"/> (default
    /// <see cref="Patience"/>); then the failure is thrown.
    /// </summary>
    public static async Task<T> Retry<T>(Func<int, Task<T>> call, TimeSpan? patience = null, Func<Exception, bool>? retryOn = null)
    {
        var limit = patience ?? Patience;
        var retries = retryOn ?? Is;
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(attempt);
            }
            catch (Exception e) when (retries(e) && clock.Elapsed < limit)
            {
                // A fresh key gets a fresh activation, placed among the silos still alive.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2_000, 250 << Math.Min(attempt, 4))));
            }
        }
    }
}
