using Rtl.Grains.Storage;
using Xunit;

namespace Rtl.IntegrationTests.JobStore;

/// <summary>The job store of one host: folders in a real temp directory.</summary>
public sealed class FileJobStoreTests : JobStoreContract, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "rtl-store-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> All => new(Cases);

    [Theory]
    [MemberData(nameof(All))]
    public Task Contract(string name) => Run(name);

    [Fact]
    public async Task A_blob_never_shows_half_written_and_leaves_no_partial_file()
    {
        var store = new FileJobStore(root);
        var job = Guid.NewGuid();

        await store.WriteAsync(job, "plots/a.png", s =>
        {
            s.Write(new byte[1000]);
            Assert.False(File.Exists(Path.Combine(root, job.ToString("N"), "plots", "a.png")));
        });

        Assert.Equal(["a.png"], Directory.GetFiles(Path.Combine(root, job.ToString("N"), "plots")).Select(Path.GetFileName));
    }

    protected override Task<IJobStore> NewStoreAsync() => Task.FromResult<IJobStore>(new FileJobStore(root));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
