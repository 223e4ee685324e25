using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>A two-silo in-process cluster with the real grains and task bundle (memory storage: test-only).</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public static readonly string DataDir = Path.Combine(Path.GetTempPath(), "rtl-testcluster-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<RtlSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }

    private sealed class RtlSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(Rtl.Grains.Hosting.StorageNames.Default);
            silo.Services.AddSingleton(Options.Create(new RtlOptions { DataDir = DataDir }));
            var registry = TaskRegistry.BuiltIn();
            registry.Register(new ShortUsesTask());
            silo.Services.AddSingleton(registry);
            silo.Services.AddSingleton<KernelThrottle>();
            silo.Services.AddSingleton<Rtl.Grains.Storage.IJobStore>(new Rtl.Grains.Storage.FileJobStore(Path.Combine(DataDir, "jobs")));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TestClusterCollection : ICollectionFixture<TestClusterFixture>
{
    public const string Name = "two-silo test cluster";
}
