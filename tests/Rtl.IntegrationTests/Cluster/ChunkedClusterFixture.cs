using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Rtl.Grains.Hosting;
using Rtl.Grains.Registry;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>Three in-process silos with chunking on at 1,000,000 rows per chunk.</summary>
public sealed class ChunkedClusterFixture : IAsyncLifetime
{
    public const int ChunkRows = 1_000_000;

    private static readonly string DataDir = Path.Combine(Path.GetTempPath(), "rtl-chunked-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<ChunkingSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PatientClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(DataDir, recursive: true);
    }

    // 5,000,000 rows cross in-process silos on a shared 2-core machine: allow more than the default 30 s,
    // and messages above Orleans' default 100 MB body limit, as the product does.
    private sealed class PatientClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => (o.ResponseTimeout, o.MaxMessageBodySize) = (TimeSpan.FromMinutes(3), int.MaxValue));
    }

    private sealed class ChunkingSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(Rtl.Grains.Hosting.StorageNames.Default);
            silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => (o.ResponseTimeout, o.MaxMessageBodySize) = (TimeSpan.FromMinutes(3), int.MaxValue));
            silo.Services.AddSingleton(Options.Create(new RtlOptions
            {
                DataDir = DataDir,
                Chunking = true,
                ChunkRows = ChunkRows,
            }));
            silo.Services.AddSingleton(TaskRegistry.BuiltIn());
            silo.Services.AddSingleton<KernelThrottle>();
            silo.Services.AddSingleton<Rtl.Grains.Storage.IJobStore>(new Rtl.Grains.Storage.FileJobStore(Path.Combine(DataDir, "jobs")));
        }
    }
}
