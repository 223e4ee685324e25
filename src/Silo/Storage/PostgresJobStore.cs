using Npgsql;
using NpgsqlTypes;
using Rtl.Client.Storage;
using Rtl.Grains.Storage;

namespace Rtl.Silo.Storage;

/// <summary>
/// The job store of a cluster on PostgreSQL: the database every silo already reaches holds each job's blobs as
/// rows of about 1 MB (<c>Rtl-JobStore.sql</c>), written with binary COPY in one transaction (a reader sees a
/// blob whole or not at all) and read back a row at a time.
/// </summary>
public sealed partial class PostgresJobStore(NpgsqlDataSource database) : IJobStore
{
    /// <summary>The size of one stored part.</summary>
    public const int PartBytes = 1 << 20;

    public async Task WriteAsync(Guid job, string name, Action<Stream> write, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        BlobNames.Checked(name);
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Execute(connection, transaction, job, name, cancellation,
            "INSERT INTO rtl_jobs (job_id) VALUES (@job) ON CONFLICT (job_id) DO UPDATE SET written = now()",
            // Locks the blob's row: a second writer of the same blob waits, then replaces this one whole.
            "INSERT INTO rtl_job_blobs (job_id, name, bytes) VALUES (@job, @name, 0) ON CONFLICT (job_id, name) DO UPDATE SET bytes = 0",
            "DELETE FROM rtl_job_parts WHERE job_id = @job AND name = @name");
        long bytes;
        // COPY is synchronous here, as the writers that fill the stream are.
        using (var importer = connection.BeginBinaryImport("COPY rtl_job_parts (job_id, name, part, data) FROM STDIN (FORMAT BINARY)"))
        {
            using var parts = new PartWriter(importer, job, name);
            write(parts);
            parts.Flush();
            bytes = parts.Bytes;
            importer.Complete();
        }

        await using (var size = new NpgsqlCommand("UPDATE rtl_job_blobs SET bytes = @bytes WHERE job_id = @job AND name = @name", connection, transaction))
        {
            size.Parameters.AddWithValue("job", job);
            size.Parameters.AddWithValue("name", name);
            size.Parameters.AddWithValue("bytes", bytes);
            await size.ExecuteNonQueryAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
    }

    public async Task TouchAsync(Guid job, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await Execute(connection, null, job, "", cancellation,
            "INSERT INTO rtl_jobs (job_id) VALUES (@job) ON CONFLICT (job_id) DO UPDATE SET written = now()");
    }

    public async Task<Stream?> OpenReadAsync(Guid job, string name, CancellationToken cancellation = default)
    {
        BlobNames.Checked(name);
        var connection = await database.OpenConnectionAsync(cancellation);
        try
        {
            // One snapshot for the blob's row and its parts, so a blob replaced meanwhile is read whole.
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation);
            await using (var exists = Command(connection, transaction, job, name, "SELECT bytes FROM rtl_job_blobs WHERE job_id = @job AND name = @name"))
            {
                if (await exists.ExecuteScalarAsync(cancellation) is not long)
                {
                    await connection.DisposeAsync();
                    return null;
                }
            }

            return PartReader.Open(connection, transaction,
                Command(connection, transaction, job, name, "SELECT data FROM rtl_job_parts WHERE job_id = @job AND name = @name ORDER BY part"));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(Guid job, string name, CancellationToken cancellation = default)
    {
        BlobNames.Checked(name);
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await Execute(connection, null, job, name, cancellation, "DELETE FROM rtl_job_blobs WHERE job_id = @job AND name = @name");
    }

    public async Task<IReadOnlyList<Guid>> PruneAsync(DateTimeOffset before, int keep, CancellationToken cancellation = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM rtl_jobs WHERE job_id IN (
                SELECT job_id FROM (SELECT job_id, written, row_number() OVER (ORDER BY written DESC) AS newest FROM rtl_jobs) j
                WHERE j.written < @before OR j.newest > @keep)
            RETURNING job_id
            """, connection);
        command.Parameters.AddWithValue("before", before.UtcDateTime);
        command.Parameters.AddWithValue("keep", (long)Math.Max(0, keep));
        var pruned = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            pruned.Add(reader.GetGuid(0));
        }

        return pruned;
    }

    public string Describe() => $"{StorageKind.DescribePostgres(database.ConnectionString)}, tables rtl_jobs, rtl_job_blobs, rtl_job_parts";

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid job, string name, string sql)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("job", NpgsqlDbType.Uuid, job);
        command.Parameters.AddWithValue("name", NpgsqlDbType.Text, name);
        return command;
    }

    private static async Task Execute(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid job, string name, CancellationToken cancellation, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = Command(connection, transaction, job, name, sql);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
