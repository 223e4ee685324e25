using Orleans.Configuration;
using Rtl.Client.Storage;
using Rtl.Grains;

namespace Rtl.Silo.Storage;

public static class SiloStorageExtensions
{
    /// <summary>
    /// Runs the silo on one SQLite file: cluster membership (ADO.NET clustering) and grain state, as both the
    /// default storage provider and the named <see cref="StorageNames.Default"/> one. Creates the file and its
    /// schema if needed. Every silo and client of a cluster must point at the same file.
    /// </summary>
    public static ISiloBuilder UseRtlSqlite(this ISiloBuilder builder, string databasePath)
    {
        SqliteSchema.EnsureCreated(databasePath);
        var dataSource = new SqliteDataSource(databasePath);

        builder.UseAdoNetClustering((AdoNetClusteringSiloOptions options) =>
        {
            options.Invariant = SqliteDataSource.Invariant;
            options.DataSource = dataSource;
        });
        builder.AddAdoNetGrainStorageAsDefault(ConfigureGrainStorage);
        builder.AddAdoNetGrainStorage(StorageNames.Default, ConfigureGrainStorage);
        return builder;

        void ConfigureGrainStorage(AdoNetGrainStorageOptions options)
        {
            options.Invariant = SqliteDataSource.Invariant;
            options.DataSource = dataSource;
        }
    }
}
