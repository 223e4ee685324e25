using Npgsql;
using Orleans.Configuration;
using Rtl.Client.Storage;
using Rtl.Grains.Hosting;
using Rtl.Grains.Storage;

namespace Rtl.Silo.Storage;

public static class SiloStorageExtensions
{
    /// <summary>
    /// Membership, grain state and the job store where the options say: the data dir (its SQLite file and its
    /// <c>jobs/</c> folder), or PostgreSQL for all three.
    /// </summary>
    public static ISiloBuilder UseRtlStorage(this ISiloBuilder builder, RtlOptions options)
    {
        if (StorageKind.IsPostgres(options.Storage, options.ConnectionString))
        {
            return builder.UsePostgresForAll(options.ConnectionString!);
        }

        builder.Services.AddSingleton<IJobStore>(new FileJobStore(Path.Combine(options.DataDir, "jobs")));
        return builder.UseRtlSqlite(options.DatabasePath);
    }

    // A method of its own so that a SQLite silo never loads Npgsql (~1.5 MB resident): the JIT resolves the types of a
    // whole method when it compiles it, and the generic registrations below name Npgsql's.
    private static ISiloBuilder UsePostgresForAll(this ISiloBuilder builder, string connectionString)
    {
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<IJobStore>(services => new PostgresJobStore(services.GetRequiredService<NpgsqlDataSource>()));
        return builder.UseRtlPostgres(connectionString);
    }

    /// <summary>
    /// Runs the silo on one SQLite file: cluster membership (ADO.NET clustering) and grain state, as both the
    /// default storage provider and the named <see cref="StorageNames.Default"/> one. Creates the file and its
    /// schema if needed. Every silo and client of a cluster must point at the same file.
    /// </summary>
    public static ISiloBuilder UseRtlSqlite(this ISiloBuilder builder, string databasePath)
    {
        SqliteSchema.EnsureCreated(databasePath);
        var dataSource = new SqliteDataSource(databasePath);
        return builder.UseAdoNet(SqliteDataSource.Invariant, o => o.DataSource = dataSource, o => o.DataSource = dataSource);
    }

    /// <summary>
    /// Runs the silo on a PostgreSQL database shared by every host of the cluster: the same ADO.NET clustering
    /// and grain storage as <see cref="UseRtlSqlite"/>, on upstream's schema, created on first start.
    /// </summary>
    public static ISiloBuilder UseRtlPostgres(this ISiloBuilder builder, string connectionString)
    {
        PostgresSchema.EnsureCreated(connectionString);
        return builder.UseAdoNet(
            StorageKind.PostgresInvariant, o => o.ConnectionString = connectionString, o => o.ConnectionString = connectionString);
    }

    /// <summary>ADO.NET clustering and grain storage (default and <see cref="StorageNames.Default"/>) on one database.</summary>
    private static ISiloBuilder UseAdoNet(
        this ISiloBuilder builder, string invariant, Action<AdoNetClusteringSiloOptions> clustering, Action<AdoNetGrainStorageOptions> storage)
    {
        builder.UseAdoNetClustering((AdoNetClusteringSiloOptions options) =>
        {
            options.Invariant = invariant;
            clustering(options);
        });
        builder.AddAdoNetGrainStorageAsDefault(ConfigureGrainStorage);
        builder.AddAdoNetGrainStorage(StorageNames.Default, ConfigureGrainStorage);
        return builder;

        void ConfigureGrainStorage(AdoNetGrainStorageOptions options)
        {
            options.Invariant = invariant;
            storage(options);
        }
    }
}
