using Npgsql;
using Rtl.Client.Storage;

namespace Rtl.Silo.Storage;

/// <summary>
/// Creates the Orleans tables in a PostgreSQL database from upstream's scripts, and Rtl's job store, once. The scripts are not
/// idempotent (plain CREATE TABLE / CREATE FUNCTION), so each runs only when the table it creates is missing,
/// inside one transaction under an advisory lock: silos starting together on several hosts cannot race.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Each script, with the table whose presence says it has already run. Main first: the others insert into it.</summary>
    private static readonly (string Script, string Table)[] Scripts =
    [
        ("PostgreSQL-Main.sql", "orleansquery"),
        ("PostgreSQL-Clustering.sql", "orleansmembershiptable"),
        ("PostgreSQL-Persistence.sql", "orleansstorage"),
        ("Rtl-JobStore.sql", "rtl_jobs"),
    ];

    // Any constant works; it only has to be the same for every Rtl silo ("rtl" in ASCII).
    private const long SchemaLockKey = 0x72746C;

    /// <summary>Runs whichever scripts have not run yet; returns their names.</summary>
    public static IReadOnlyList<string> EnsureCreated(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        using var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException($"cannot open the database ({StorageKind.DescribePostgres(connectionString)}): {e.Message}", e);
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})");
        var applied = new List<string>();
        foreach (var (script, table) in Scripts)
        {
            if (!TableExists(connection, transaction, table))
            {
                Execute(connection, transaction, SqlScripts.Read(script));
                applied.Add(script);
            }
        }

        transaction.Commit();
        return applied;
    }

    private static bool TableExists(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        // to_regclass follows the search_path, as the scripts' unqualified CREATE TABLE does.
        using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection, transaction);
        command.Parameters.AddWithValue("name", table);
        return (bool)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
