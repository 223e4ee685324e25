using Xunit;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>The chunked-stage tests share one three-silo cluster and run one after another: each moves 5,000,000 rows.</summary>
[CollectionDefinition(Name)]
public sealed class ChunkedClusterCollection : ICollectionFixture<ChunkedClusterFixture>
{
    public const string Name = "chunked cluster";
}
