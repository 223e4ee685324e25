using Rtl.Pipelines;

namespace Rtl.Grains;

/// <summary>Which active silo a stage's <c>"on"</c> names: by silo name, address or address:port.</summary>
internal static class PinnedSilos
{
    /// <summary>The matching active silo (the first by address when several match), or the error that none does.</summary>
    public static SiloAddress Find(IClusterMembershipService membership, int stage, string on)
    {
        var active = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .OrderBy(member => member.SiloAddress.ToString(), StringComparer.Ordinal)
            .ToArray();
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
