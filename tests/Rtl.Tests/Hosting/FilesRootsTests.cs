using Rtl.Grains.Hosting;
using Xunit;

namespace Rtl.Tests.Hosting;

public sealed class FilesRootsTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-data-").FullName;

    [Fact]
    public void The_default_is_a_folder_of_its_own_in_the_data_dir_created_on_first_start()
    {
        var options = new RtlOptions { DataDir = dataDir };
        FilesRoots.Prepare(options);
        Assert.Equal(Path.Combine(dataDir, "files"), options.ResolvedFilesRoot);
        Assert.True(Directory.Exists(options.ResolvedFilesRoot));
    }

    [Fact]
    public void The_data_dir_itself_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FilesRoots.Prepare(new RtlOptions { DataDir = dataDir, FilesRoot = dataDir }));
        Assert.Contains("is the data dir", error.Message);
    }

    [Theory]
    [InlineData("jobs")]
    [InlineData("plots")]
    [InlineData("plugins")]
    public void A_folder_of_the_silo_s_own_is_refused(string folder)
    {
        var inside = Directory.CreateDirectory(Path.Combine(dataDir, folder, "x")).FullName;
        var error = Assert.Throws<ArgumentException>(() => FilesRoots.Prepare(new RtlOptions { DataDir = dataDir, FilesRoot = inside }));
        Assert.Contains($"is inside {Path.Combine(dataDir, folder)}", error.Message);
    }

    [Fact]
    public void The_file_system_root_the_home_directory_and_above_are_refused_unless_forced()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var above = Path.GetDirectoryName(home)!;
        var broad = new List<(string Root, string What)> { ("/", "the root of the file system"), (home, "the home directory") };
        if (above != "/")
        {
            broad.Add((above, "above the home directory")); // /home for /home/pi; /root's parent is / itself
        }

        foreach (var (root, what) in broad)
        {
            var error = Assert.Throws<ArgumentException>(() => FilesRoots.Prepare(new RtlOptions { DataDir = dataDir, FilesRoot = root }));
            Assert.Contains($"is {what}", error.Message);
            Assert.Contains("--force-files-root", error.Message);
            FilesRoots.Prepare(new RtlOptions { DataDir = dataDir, FilesRoot = root, ForceFilesRoot = true });
        }
    }

    [Fact]
    public void A_chosen_files_root_that_does_not_exist_is_an_error_not_a_new_folder()
    {
        var missing = Path.Combine(dataDir, "no-such-folder");
        var error = Assert.Throws<ArgumentException>(() => FilesRoots.Prepare(new RtlOptions { DataDir = dataDir, FilesRoot = missing }));
        Assert.Contains($"files root {missing} does not exist", error.Message);
        Assert.False(Directory.Exists(missing));
    }

    public void Dispose() => Directory.Delete(dataDir, recursive: true);
}
