using Rtl.Grains.Formats;
using Rtl.Grains.Storage;
using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>A job's result and plots as the web app streams them: from the job store, whichever silo ran the job.</summary>
public static class JobBlobs
{
    /// <summary>The PNG behind a plot the record lists; a job recorded before the store has it only on its silo's disk.</summary>
    public static async Task<Stream?> Plot(IJobStore store, Guid job, string recordedPath) =>
        await store.OpenReadAsync(job, BlobNames.Plot(recordedPath))
        ?? (File.Exists(recordedPath) ? File.OpenRead(recordedPath) : null);

    /// <summary>The stored <c>.npy</c> of a completed job's result; a pre-store record's <c>.dat</c> is converted.</summary>
    public static async Task<Stream?> Result(IJobStore store, JobRecord record)
    {
        if (record.ResultPath is { } name && !Path.IsPathRooted(name))
        {
            return await store.OpenReadAsync(record.Id, name);
        }

        if (await JobTables.ReadResultAsync(store, record) is not { } table)
        {
            return null;
        }

        var npy = new MemoryStream();
        NpyFile.Write(npy, table, record.ResultPath!);
        npy.Position = 0;
        return npy;
    }
}
