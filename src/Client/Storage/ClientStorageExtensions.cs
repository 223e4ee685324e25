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
}
