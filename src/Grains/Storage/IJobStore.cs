namespace Rtl.Grains.Storage;

/// <summary>
/// Where a durable job's data lives so that every silo reaches it: its input, its result and its plots, each a
/// named blob of the job. PostgreSQL with many hosts; the data dir with SQLite on one host. Blobs move as
/// streams, so a big table never sits whole in one buffer on its way in or out.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Writes (or replaces) one blob: <paramref name="write"/> fills the stream, and readers see the blob only
    /// once it is whole. Also marks the job as last written now, which retention counts from.
    /// </summary>
    Task WriteAsync(Guid job, string name, Action<Stream> write, CancellationToken cancellation = default);

    /// <summary>Marks a job as written now without data, so retention also finds jobs that never stored a blob.</summary>
    Task TouchAsync(Guid job, CancellationToken cancellation = default);

    /// <summary>The blob to read from its start, or null when the job has no blob of that name.</summary>
    Task<Stream?> OpenReadAsync(Guid job, string name, CancellationToken cancellation = default);

    /// <summary>Removes one blob; nothing happens when there is none.</summary>
    Task DeleteAsync(Guid job, string name, CancellationToken cancellation = default);

    /// <summary>
    /// Removes every blob of each job last written before <paramref name="before"/>, and of every job beyond the
    /// newest <paramref name="keep"/>; returns the jobs removed.
    /// </summary>
    Task<IReadOnlyList<Guid>> PruneAsync(DateTimeOffset before, int keep, CancellationToken cancellation = default);

    /// <summary>Where the data lives, for logs and the README's "what survives what".</summary>
    string Describe();
}
