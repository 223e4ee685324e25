using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rtl.Client.Storage;

/// <summary>
/// Hands Orleans' ADO.NET providers SQLite connections tuned for a file shared by several processes:
/// WAL, <c>synchronous=NORMAL</c> and a busy timeout on every opened connection. These are pragmas,
/// not connection-string keywords, which is why a data source is needed rather than a connection string.
/// </summary>
public sealed class SqliteDataSource : DbDataSource
{
    /// <summary>The ADO.NET invariant under which Orleans loads Microsoft.Data.Sqlite.</summary>
    public const string Invariant = "System.Data.SQLite";

    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDataSource(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        var timeoutMs = (int)(busyTimeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
        // busy_timeout first, so switching to WAL waits for a concurrent opener instead of failing.
        _pragmas = $"PRAGMA busy_timeout={timeoutMs}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    }

    public string DatabasePath { get; }

    public override string ConnectionString => _connectionString;

    protected override DbConnection CreateDbConnection() => new TunedSqliteConnection(_connectionString, _pragmas);

    /// <summary>A SqliteConnection (so Orleans' type check passes) that applies the pragmas whenever it is opened.</summary>
    private sealed class TunedSqliteConnection(string connectionString, string pragmas) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            RollBackAbandonedTransaction();
            using var command = CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }

        public override void Close()
        {
            if (State == ConnectionState.Open)
            {
                RollBackAbandonedTransaction();
            }

            base.Close();
        }

        // A script that fails between BEGIN and COMMIT leaves its pooled connection inside the transaction,
        // still holding the database's write lock; end it before the connection goes back to (or out of) the pool.
        private void RollBackAbandonedTransaction()
        {
            if (Handle is { } db && raw.sqlite3_get_autocommit(db) == 0)
            {
                using var command = CreateCommand();
                command.CommandText = "ROLLBACK;";
                command.ExecuteNonQuery();
            }
        }
    }
}
