using Rtl.IntegrationTests.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// Three real <c>rtl silo</c> processes forming one cluster on one throw-away PostgreSQL database, each host with its
/// own data dir and files root under <c>/tmp/rtl-hosts-&lt;id&gt;/hostN</c> and the other hosts' directories hidden
/// from it (<see cref="HiddenDirs"/>), each on its own loopback address where the machine allows
/// (<see cref="LoopbackAddresses"/>). Shared by the tests of <see cref="ClusterOfHostsCollection"/>; each test
/// starts with every host up (<see cref="EnsureAllUpAsync"/>).
/// </summary>
public sealed class ClusterOfHosts : IAsyncLifetime
{
    public const int Count = 3;
    private static readonly TimeSpan FormBound = TimeSpan.FromSeconds(120);

    private readonly PostgresServer postgres = new();
    private readonly List<Host> hosts = [];
    private bool disposed;

    public string Root { get; } = Path.Combine("/tmp", "rtl-hosts-" + Guid.NewGuid().ToString("N")[..12]);

    public string ClusterId { get; } = "hosts-" + Guid.NewGuid().ToString("N")[..8];

    public string ConnectionString { get; private set; } = "";

    public IReadOnlyList<Host> Hosts => hosts;

    /// <summary>Host 1, 2 or 3.</summary>
    public Host this[int number] => hosts[number - 1];

    /// <summary>True when the hosts have addresses of their own (127.0.0.2…), false when they share 127.0.0.1.</summary>
    public bool DistinctAddresses => hosts.Select(h => h.Address).Distinct().Count() == Count;

    public async Task InitializeAsync()
    {
        if (HiddenDirs.Unavailable() is { } reason)
        {
            throw new InvalidOperationException($"the cluster-of-hosts tests cannot hide one host's directories from another: {reason}");
        }

        try
        {
            await postgres.InitializeAsync();
            ConnectionString = await postgres.CreateDatabaseAsync();
            var addresses = LoopbackAddresses.For(Count);
            var roots = Enumerable.Range(1, Count).Select(n => Path.Combine(Root, $"host{n}")).ToArray();
            string[] clusterArgs = ["--cluster-id", ClusterId, "--storage", "postgres", "--connection-string", ConnectionString];
            for (var i = 0; i < Count; i++)
            {
                hosts.Add(new Host(i + 1, roots[i], addresses[i], roots.Where((_, j) => j != i).ToArray(), clusterArgs));
            }

            await EnsureAllUpAsync();
        }
        catch
        {
            await DisposeAsync(); // leave no silo, server or directory behind when the cluster does not form
            throw;
        }
    }

    /// <summary>Starts every host that is not running and waits until the cluster lists all of them active.</summary>
    public async Task EnsureAllUpAsync()
    {
        await Task.WhenAll(hosts.Where(h => !h.IsRunning).Select(h => h.StartAsync()));
        await WaitForActiveSilosAsync(Count);
    }

    /// <summary>Polls <c>rtl status</c> on a running host until it shows <paramref name="expected"/> active silos.</summary>
    public async Task WaitForActiveSilosAsync(int expected)
    {
        var deadline = DateTime.UtcNow + FormBound;
        var want = $"{expected} active silo(s)";
        while (true)
        {
            var via = hosts.First(h => h.IsRunning);
            var status = await via.Cli("status");
            if (status.Stdout.Contains(want, StringComparison.Ordinal))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"`rtl status` on {via} did not show {want} within {FormBound}:\n{status}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Each log's length now: <see cref="WriteLogs"/> shows what was added since.</summary>
    public IReadOnlyList<long> LogMark() => hosts.Select(h => h.LogLength).ToArray();

    public void WriteLogs(ITestOutputHelper output, IReadOnlyList<long> mark, int lines = 30)
    {
        foreach (var host in hosts)
        {
            output.WriteLine($"--- {host}: last lines of its silo log during this test");
            foreach (var line in host.LogTail(mark[host.Number - 1], lines))
            {
                output.WriteLine(line);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var host in hosts)
        {
            host.Dispose(); // SIGKILL what still runs; the hidden-dir mounts die with their namespaces
        }

        await postgres.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

/// <summary>The tests that share one <see cref="ClusterOfHosts"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterOfHostsCollection : ICollectionFixture<ClusterOfHosts>
{
    public const string Name = "Cluster of hosts";
}

/// <summary>
/// A test on a cluster of hosts: skipped where it cannot run (no PostgreSQL, no mount namespaces) except in CI
/// (<c>CI=true</c>), where it runs and fails with the reason: CI must never pass without having run it.
/// </summary>
public sealed class HostsFactAttribute : FactAttribute
{
    public HostsFactAttribute()
    {
        if (!PostgresServer.IsCi && (PostgresServer.Unavailable() ?? HiddenDirs.Unavailable()) is { } reason)
        {
            Skip = reason;
        }
    }
}
