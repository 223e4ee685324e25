using Npgsql;

namespace Rtl.Client.Storage;

/// <summary>The <c>Storage</c> setting: where membership and grain state live.</summary>
public static class StorageKind
{
    /// <summary>One SQLite file in the data dir: one host, any number of silo processes.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>One PostgreSQL database (<c>ConnectionString</c>) shared by silos on many hosts.</summary>
    public const string Postgres = "postgres";

    /// <summary>The ADO.NET invariant under which Orleans loads Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>True for PostgreSQL; a misspelt value is an error, never a silent fallback to SQLite.</summary>
    public static bool IsPostgres(string? storage, string? connectionString)
    {
        var postgres = (storage?.Trim().ToLowerInvariant()) switch
        {
            null or "" or Sqlite => false,
            Postgres or "postgresql" or "npgsql" => true,
            _ => throw new ArgumentException($"Storage must be '{Sqlite}' or '{Postgres}', not '{storage}'"),
        };
        if (postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException(
                "Storage 'postgres' needs a connection string (--connection-string, RTL_ConnectionString or \"ConnectionString\" in appsettings.json), " +
                "e.g. Host=db.local;Database=rtl;Username=rtl;Password=…");
        }

        return postgres;
    }

    /// <summary>Host, port and database of a connection string, for messages: never its password.</summary>
    public static string DescribePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL host {builder.Host ?? "localhost"}, port {builder.Port}, database {builder.Database ?? builder.Username ?? "(default)"}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (an unreadable connection string)";
        }
    }
}
