using Orleans.Configuration;

namespace Rtl.Client.Storage;

public static class ClientStorageExtensions
{
    /// <summary>
    /// Finds the cluster's gateways in the SQLite membership table the silos keep (see the silo's
    /// <c>UseRtlSqlite</c>). The silos create the schema; the client only reads it.
    /// </summary>
    public static IClientBuilder UseRtlSqliteClustering(this IClientBuilder builder, string databasePath)
    {
        var dataSource = new SqliteDataSource(databasePath);
        return builder.UseAdoNetClustering((AdoNetClusteringClientOptions options) =>
        {
            options.Invariant = SqliteDataSource.Invariant;
            options.DataSource = dataSource;
        });
    }

    /// <summary>Finds the cluster's gateways in the PostgreSQL membership table the silos keep (and created).</summary>
    public static IClientBuilder UseRtlPostgresClustering(this IClientBuilder builder, string connectionString) =>
        builder.UseAdoNetClustering((AdoNetClusteringClientOptions options) =>
        {
            options.Invariant = StorageKind.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
}
