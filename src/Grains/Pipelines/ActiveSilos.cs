using Rtl.Pipelines;

namespace Rtl.Grains.Pipelines;

/// <summary>The cluster's active silos, in one order every silo agrees on, and which of them a stage's <c>"on"</c> names.</summary>
internal static class ActiveSilos
{
    /// <summary>The active members, ordered by address.</summary>
    public static ClusterMember[] Of(IClusterMembershipService membership) =>
        membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .OrderBy(member => member.SiloAddress.ToString(), StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The active silo <paramref name="on"/> names by silo name, address or address:port (the first by address
    /// when several match), or the error that none does.
    /// </summary>
    public static SiloAddress Named(IClusterMembershipService membership, int stage, string on)
    {
        var active = Of(membership);
        var match = active.FirstOrDefault(member => Names(member, on));
        return match?.SiloAddress ?? throw new PinnedSiloUnavailableException(stage, on,
            $"stage {stage} must run on '{on}', which is not in the cluster (active silos: " +
            $"{(active.Length == 0 ? "none" : string.Join(", ", active.Select(m => $"{m.Name} {m.SiloAddress.Endpoint}")))})");
    }

    private static bool Names(ClusterMember member, string on) =>
        string.Equals(member.Name, on, StringComparison.OrdinalIgnoreCase)
        || member.SiloAddress.Endpoint.Address.ToString() == on
        || member.SiloAddress.Endpoint.ToString() == on;
}
