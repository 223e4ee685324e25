using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// A test class on the shared <see cref="ClusterOfHosts"/>: each test starts with every host up, and afterwards the
/// lines each host's silo logged during it are written to the test's output.
/// </summary>
public abstract class HostsTest(ClusterOfHosts cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private IReadOnlyList<long> mark = [];

    protected ClusterOfHosts Cluster => cluster;

    protected ITestOutputHelper Output => output;

    public async Task InitializeAsync()
    {
        await cluster.EnsureAllUpAsync();
        mark = cluster.LogMark();
    }

    public Task DisposeAsync()
    {
        cluster.WriteLogs(output, mark);
        return Task.CompletedTask;
    }
}
