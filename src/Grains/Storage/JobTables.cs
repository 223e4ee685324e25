using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Jobs;

namespace Rtl.Grains.Storage;

/// <summary>Tables in the job store, as numpy's <c>.npy</c>: streamed in and out, off the grain's thread.</summary>
public static class JobTables
{
    /// <summary>Stores the table; a table without columns has nothing to store and is not written.</summary>
    public static Task<bool> WriteAsync(IJobStore store, Guid job, string name, Table table)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        return table.ColumnCount == 0
            ? Task.FromResult(false)
            : Task.Run(async () =>
            {
                await store.WriteAsync(job, name, stream => NpyFile.Write(stream, table, Describe(job, name)));
                return true;
            });
    }

    /// <summary>The stored table, or null when the job has none of that name.</summary>
    public static Task<Table?> ReadAsync(IJobStore store, Guid job, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Task.Run(async () =>
        {
            await using var stream = await store.OpenReadAsync(job, name);
            return stream is null ? null : NpyFile.Read(stream, Describe(job, name));
        });
    }

    /// <summary>
    /// The result table a job's record names, or null: from the store, or for a record from before the store, from
    /// the <c>.dat</c> path it holds when that file is on this host.
    /// </summary>
    public static async Task<Table?> ReadResultAsync(IJobStore store, JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ResultPath switch
        {
            null => null,
            var path when Path.IsPathRooted(path) => File.Exists(path) ? TableFiles.Read(path) : null,
            var name => await ReadAsync(store, record.Id, name),
        };
    }

    private static string Describe(Guid job, string name) => $"job {job} {name}";
}
