using Microsoft.Data.Sqlite;
using Rtl.Client.Storage;

namespace Rtl.Silo.Storage;

/// <summary>
/// Creates (or brings up to date) the SQLite file that Orleans' ADO.NET clustering and grain storage use.
/// The scripts are idempotent, so every silo runs this at start-up.
/// </summary>
public static class SqliteSchema
{
    // The query table first: the other two scripts insert into it.
    private static readonly string[] ScriptNames = ["Sqlite-Main.sql", "Sqlite-Clustering.sql", "Sqlite-Persistence.sql"];

    private const int MaxAttempts = 5;

    public static void EnsureCreated(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var scripts = ScriptNames.Select(SqlScripts.Read).ToArray();

        // A generous busy timeout: silos started together all run this, and only one can write at a time.
        using var dataSource = new SqliteDataSource(fullPath, busyTimeout: TimeSpan.FromSeconds(10));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Apply(dataSource, scripts);
                return;
            }
            catch (SqliteException e) when (IsLockContention(e) && attempt < MaxAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private static void Apply(SqliteDataSource dataSource, string[] scripts)
    {
        // Opening a data-source connection also switches the file to WAL (a persistent, per-file setting),
        // which has to happen outside a transaction.
        using var connection = (SqliteConnection)dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var script in scripts)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = script;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static bool IsLockContention(SqliteException e) =>
        (e.SqliteErrorCode & 0xFF) is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED;
}
