using Orleans.Configuration;
using Rtl.Client.Storage;
using Rtl.Grains;
using Rtl.Hosting;

namespace Rtl.Silo.Storage;

public static class SiloStorageExtensions
{
    /// <summary>Membership and grain state where the options say: the data dir's SQLite file, or PostgreSQL.</summary>
    public static ISiloBuilder UseRtlStorage(this ISiloBuilder builder, RtlOptions options) =>
        StorageKind.IsPostgres(options.Storage, options.ConnectionString)
            ? builder.UseRtlPostgres(options.ConnectionString!)
            : builder.UseRtlSqlite(options.DatabasePath);

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

    /// <summary>
    /// Runs the silo on a PostgreSQL database shared by every host of the cluster: the same ADO.NET clustering
    /// and grain storage as <see cref="UseRtlSqlite"/>, on upstream's schema, created on first start.
    /// </summary>
    public static ISiloBuilder UseRtlPostgres(this ISiloBuilder builder, string connectionString)
    {
        PostgresSchema.EnsureCreated(connectionString);

        builder.UseAdoNetClustering((AdoNetClusteringSiloOptions options) =>
        {
            options.Invariant = StorageKind.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorageAsDefault(ConfigureGrainStorage);
        builder.AddAdoNetGrainStorage(StorageNames.Default, ConfigureGrainStorage);
        return builder;

        void ConfigureGrainStorage(AdoNetGrainStorageOptions options)
        {
            options.Invariant = StorageKind.PostgresInvariant;
            options.ConnectionString = connectionString;
        }
    }
}
