using System.Data;
using Microsoft.Data.Sqlite;
using Rtl.Client.Storage;
using Rtl.Silo.Storage;
using Xunit;

namespace Rtl.IntegrationTests.Storage;

/// <summary>The schema scripts on their own: idempotence, and the version (ETag) contract Orleans relies on.</summary>
public sealed class SqliteSchemaTests
{
    [Fact]
    public void EnsureCreated_is_idempotent_and_safe_to_run_concurrently()
    {
        using var cluster = new SqliteTestCluster();

        SqliteSchema.EnsureCreated(cluster.DatabasePath);
        SqliteSchema.EnsureCreated(cluster.DatabasePath);
        Parallel.For(0, 4, _ => SqliteSchema.EnsureCreated(cluster.DatabasePath));

        Assert.Equal(13L, cluster.Query<long>("SELECT count(*) FROM OrleansQuery")); // 9 clustering + 4 storage
        Assert.Equal("wal", cluster.Query<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Data_source_connections_are_tuned_and_accepted_as_Sqlite_connections()
    {
        using var cluster = new SqliteTestCluster();
        SqliteSchema.EnsureCreated(cluster.DatabasePath);
        await using var dataSource = new SqliteDataSource(cluster.DatabasePath);

        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.IsAssignableFrom<SqliteConnection>(connection);
        Assert.Equal(1L, Scalar(connection, "PRAGMA synchronous")); // NORMAL
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_failed_script_does_not_leave_its_transaction_holding_the_write_lock()
    {
        using var cluster = new SqliteTestCluster();
        SqliteSchema.EnsureCreated(cluster.DatabasePath);
        await using var dataSource = new SqliteDataSource(cluster.DatabasePath, TimeSpan.FromMilliseconds(200));

        await using (var failing = await dataSource.OpenConnectionAsync())
        {
            Assert.Throws<SqliteException>(() => Scalar(failing,
                "BEGIN IMMEDIATE; INSERT INTO OrleansQuery VALUES ('k', 'q'); INSERT INTO OrleansQuery VALUES ('k', 'q'); COMMIT;"));
        }

        using var other = new SqliteConnection($"Data Source={cluster.DatabasePath};Pooling=False;Default Timeout=1");
        other.Open();
        Scalar(other, "PRAGMA busy_timeout=200");
        Assert.Equal(1L, Scalar(other, "INSERT INTO OrleansQuery VALUES ('k2', 'q'); SELECT changes();"));
        Assert.Equal(0L, Scalar(other, "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'k'"));
    }

    [Fact]
    public async Task Grain_state_writes_follow_the_version_contract()
    {
        using var cluster = new SqliteTestCluster();
        SqliteSchema.EnsureCreated(cluster.DatabasePath);
        await using var dataSource = new SqliteDataSource(cluster.DatabasePath);
        await using var db = await dataSource.OpenConnectionAsync();
        int? Write(int? version) => NewVersion(Run(db, "WriteToStorageKey", GrainKey(("GrainStateVersion", version), ("PayloadBinary", new byte[] { 1 }))));

        Assert.Equal(1, Write(null));         // new grain
        Assert.Null(Write(null));             // a second "new" writer conflicts
        Assert.Equal(2, Write(1));
        Assert.Null(Write(1));                // stale ETag conflicts
        Assert.Equal(3, NewVersion(Run(db, "ClearStorageKey", GrainKey(("GrainStateVersion", 2)))));
        Assert.Equal(new object[] { DBNull.Value, 3L }, ReadRow(db));
        Assert.Equal(4, Write(3));            // a cleared row is written through its version
        Assert.Equal(5, NewVersion(Run(db, "DeleteStorageKey", GrainKey(("GrainStateVersion", 4)))));
        Assert.Null(ReadRow(db));
        Assert.Equal(1, Write(null));         // and a deleted one starts again
    }

    [Fact]
    public async Task Membership_writes_bump_the_table_version_or_fail_together()
    {
        using var cluster = new SqliteTestCluster();
        SqliteSchema.EnsureCreated(cluster.DatabasePath);
        await using var dataSource = new SqliteDataSource(cluster.DatabasePath);
        await using var db = await dataSource.OpenConnectionAsync();
        var now = DateTime.UtcNow;
        (string, object?)[] Silo(int port, int version, int status = 3) =>
        [
            ("DeploymentId", "c1"), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1), ("SiloName", $"s{port}"),
            ("HostName", "h"), ("Status", status), ("ProxyPort", port + 1), ("StartTime", now), ("IAmAliveTime", now),
            ("SuspectTimes", null), ("Version", version),
        ];

        Assert.Equal(new[] { 1L }, Run(db, "InsertMembershipVersionKey", ("DeploymentId", "c1")));
        Assert.Equal(new[] { 0L }, Run(db, "InsertMembershipVersionKey", ("DeploymentId", "c1")));
        Assert.Equal(new[] { 1L }, Run(db, "InsertMembershipKey", Silo(11111, version: 0)));
        Assert.Equal(new[] { 0L }, Run(db, "InsertMembershipKey", Silo(22222, version: 0))); // stale version
        Assert.Equal(new[] { 0L }, Run(db, "InsertMembershipKey", Silo(11111, version: 1))); // duplicate row
        Assert.Equal(new[] { 1L }, Run(db, "UpdateMembershipKey", Silo(11111, version: 1, status: 6)));
        Assert.Equal(new[] { 0L }, Run(db, "UpdateMembershipKey", Silo(11111, version: 1, status: 3))); // stale version

        Assert.Equal(2L, Scalar(db, "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = 'c1'"));
        Assert.Equal(1L, Scalar(db, "SELECT count(*) FROM OrleansMembershipTable"));
        Assert.Equal(6L, Scalar(db, "SELECT Status FROM OrleansMembershipTable"));
        Assert.Empty(Run(db, "GatewaysQueryKey", ("DeploymentId", "c1"), ("Status", 3))); // the only silo is dead
    }

    private static (string, object?)[] GrainKey(params (string, object?)[] extra) =>
    [
        ("GrainIdHash", 42), ("GrainIdN0", 0L), ("GrainIdN1", 7L), ("GrainTypeHash", 99), ("GrainTypeString", "state"),
        ("GrainIdExtensionString", null), ("ServiceId", "svc"), .. extra,
    ];

    private static object[]? ReadRow(IDbConnection db)
    {
        using var command = Command(db, QueryText(db, "ReadFromStorageKey"), GrainKey());
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var row = new object[reader.FieldCount];
        reader.GetValues(row);
        return row;
    }

    private static int? NewVersion(List<long> values) => values.Count == 0 ? null : (int)values.Single();

    /// <summary>Runs a stored Orleans query the way the provider does: every row of every result set, first column.</summary>
    private static List<long> Run(IDbConnection db, string queryKey, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(db, QueryText(db, queryKey), parameters);
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        do
        {
            while (reader.Read())
            {
                values.Add(Convert.ToInt64(reader.GetValue(0)));
            }
        }
        while (reader.NextResult());

        return values;
    }

    private static string QueryText(IDbConnection db, string queryKey) =>
        (string)Scalar(db, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'")!;

    private static object? Scalar(IDbConnection db, string sql)
    {
        using var command = Command(db, sql, []);
        return command.ExecuteScalar();
    }

    private static IDbCommand Command(IDbConnection db, string sql, (string Name, object? Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
