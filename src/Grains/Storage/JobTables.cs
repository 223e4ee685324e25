using Rtl.Data;
using Rtl.Formats;

namespace Rtl.Storage;

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

    private static string Describe(Guid job, string name) => $"job {job} {name}";
}
