using Orleans.Runtime.Placement;

namespace Rtl.Grains.Pipelines;

/// <summary>
/// A call whose grain Orleans should activate on a chosen silo: the hint travels with the call that activates
/// the grain and is taken off the request context again, so no later call carries it by mistake.
/// </summary>
internal static class PlacementHint
{
    /// <summary>Makes <paramref name="call"/> with <paramref name="home"/> as the placement hint; null means no hint.</summary>
    public static Task<T> On<T>(SiloAddress? home, Func<Task<T>> call)
    {
        if (home is null)
        {
            return call();
        }

        RequestContext.Set(IPlacementDirector.PlacementHintKey, home);
        try
        {
            return call();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
