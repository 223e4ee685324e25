using System.Security.Cryptography;
using Rtl.Data;
using Rtl.Grains.Storage;
using Xunit;

namespace Rtl.IntegrationTests.JobStore;

/// <summary>
/// What every job store must do, on a real directory and on a real PostgreSQL database alike; each store's test
/// class runs every case (as <see cref="Postgres.MultiSiloContract"/> does, so the PostgreSQL ones can skip off CI).
/// </summary>
public abstract class JobStoreContract
{
    public static readonly string[] Cases = ["parts", "empty", "replace", "failed-writer", "names", "prune", "table"];

    protected abstract Task<IJobStore> NewStoreAsync();

    /// <summary>Runs one case by its name in <see cref="Cases"/>.</summary>
    protected Task Run(string name) => name switch
    {
        "parts" => A_blob_of_many_parts_reads_back_byte_for_byte(),
        "empty" => An_empty_blob_exists_and_a_missing_one_is_null(),
        "replace" => Writing_again_replaces_the_blob_whole_and_delete_removes_it(),
        "failed-writer" => A_writer_that_fails_leaves_the_old_blob_in_place(),
        "names" => Names_that_could_leave_the_job_are_refused(),
        "prune" => Prune_removes_jobs_beyond_the_newest_kept_and_those_too_old(),
        "table" => A_table_goes_in_and_comes_out_as_npy_with_every_dtype(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    protected async Task A_blob_of_many_parts_reads_back_byte_for_byte()
    {
        var store = await NewStoreAsync();
        var job = Guid.NewGuid();
        var bytes = RandomNumberGenerator.GetBytes((5 << 20) + 12_345); // five whole parts and a short one

        await store.WriteAsync(job, "result.npy", s =>
        {
            // In uneven pieces, as writers hand them over.
            for (var at = 0; at < bytes.Length; at += 100_003)
            {
                s.Write(bytes, at, Math.Min(100_003, bytes.Length - at));
            }
        });

        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAll(store, job, "result.npy")));
    }

    protected async Task An_empty_blob_exists_and_a_missing_one_is_null()
    {
        var store = await NewStoreAsync();
        var job = Guid.NewGuid();

        await store.WriteAsync(job, "plots/empty.png", _ => { });

        Assert.Empty(await ReadAll(store, job, "plots/empty.png"));
        Assert.Null(await store.OpenReadAsync(job, "plots/other.png"));
        Assert.Null(await store.OpenReadAsync(Guid.NewGuid(), "result.npy"));
    }

    protected async Task Writing_again_replaces_the_blob_whole_and_delete_removes_it()
    {
        var store = await NewStoreAsync();
        var job = Guid.NewGuid();
        await store.WriteAsync(job, "input.npy", s => s.Write(new byte[3 << 20]));

        await store.WriteAsync(job, "input.npy", s => s.Write("short"u8));
        var replaced = await ReadAll(store, job, "input.npy");
        await store.DeleteAsync(job, "input.npy");
        await store.DeleteAsync(job, "input.npy");

        Assert.Equal("short"u8.ToArray(), replaced);
        Assert.Null(await store.OpenReadAsync(job, "input.npy"));
    }

    protected async Task A_writer_that_fails_leaves_the_old_blob_in_place()
    {
        var store = await NewStoreAsync();
        var job = Guid.NewGuid();
        await store.WriteAsync(job, "result.npy", s => s.Write("old"u8));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(job, "result.npy", s =>
        {
            s.Write(new byte[(2 << 20) + 1]);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old"u8.ToArray(), await ReadAll(store, job, "result.npy"));
    }

    protected async Task Names_that_could_leave_the_job_are_refused()
    {
        var store = await NewStoreAsync();
        var job = Guid.NewGuid();

        foreach (var name in new[] { "../x", "plots/../../x", "/etc/passwd", "a//b", "plots/a b.png", "" })
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync(job, name, _ => { }));
        }
    }

    protected async Task Prune_removes_jobs_beyond_the_newest_kept_and_those_too_old()
    {
        var store = await NewStoreAsync();
        var jobs = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var job = Guid.NewGuid();
            jobs.Add(job);
            await store.WriteAsync(job, "result.npy", s => s.Write("r"u8));
            await Task.Delay(20); // distinct write times, oldest first
        }

        var untouched = await store.PruneAsync(DateTimeOffset.UtcNow.AddDays(-1), keep: 10);
        var beyondTwo = await store.PruneAsync(DateTimeOffset.UtcNow.AddDays(-1), keep: 2);
        var tooOld = await store.PruneAsync(DateTimeOffset.UtcNow.AddMinutes(1), keep: 10);

        Assert.Empty(untouched);
        Assert.Equal(jobs.Take(2).Order(), beyondTwo.Order());
        Assert.Equal(jobs.Skip(2).Order(), tooOld.Order());
        foreach (var job in jobs)
        {
            Assert.Null(await store.OpenReadAsync(job, "result.npy"));
        }
    }

    protected async Task A_table_goes_in_and_comes_out_as_npy_with_every_dtype()
    {
        var store = await NewStoreAsync();
        var job = Guid.NewGuid();
        const int Rows = 300_000; // several parts, and record chunks that straddle them
        var table = Table.Create(
            ("l", Column.Of(Enumerable.Range(0, Rows).Select(i => (long)i * 3).ToArray())),
            ("d", Column.Of(Enumerable.Range(0, Rows).Select(i => i / 7.0).ToArray())),
            ("i", Column.Of(Enumerable.Range(0, Rows).Select(i => -i).ToArray())),
            ("f", Column.Of(Enumerable.Range(0, Rows).Select(i => i * 0.5f).ToArray())),
            ("b", Column.Of(Enumerable.Range(0, Rows).Select(i => i % 3 == 0).ToArray())),
            ("u", Column.Of(Enumerable.Range(0, Rows).Select(i => (byte)i).ToArray())));

        Assert.True(await JobTables.WriteAsync(store, job, "result.npy", table));
        var back = await JobTables.ReadAsync(store, job, "result.npy");

        Assert.NotNull(back);
        Assert.Equal(table.Schema.ToString(), back.Schema.ToString());
        foreach (var name in table.Names)
        {
            Assert.Equal(table[name].Bytes.ToArray(), back[name].Bytes.ToArray());
        }
        Assert.Null(await JobTables.ReadAsync(store, job, "input.npy"));
    }

    private static async Task<byte[]> ReadAll(IJobStore store, Guid job, string name)
    {
        await using var stream = await store.OpenReadAsync(job, name) ?? throw new InvalidOperationException($"no blob {name}");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
