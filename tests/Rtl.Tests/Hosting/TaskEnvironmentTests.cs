using Rtl.Grains.Hosting;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Hosting;

public sealed class TaskEnvironmentTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rtl-root-").FullName;
    private readonly string dataDir = Directory.CreateTempSubdirectory("rtl-data-").FullName;
    private readonly string outside = Directory.CreateTempSubdirectory("rtl-outside-").FullName;

    [Fact]
    public void A_relative_path_resolves_inside_the_files_root()
    {
        var environment = new TaskEnvironment(root, dataDir, Guid.NewGuid());
        Assert.Equal(Path.Combine(root, "raw_data", "x.dat"), environment.ResolvePath("path", "raw_data", "x.dat"));
    }

    [Theory]
    [InlineData("../escape.dat")]
    [InlineData("a/../../escape.dat")]
    [InlineData("/etc/passwd")]
    public void A_path_that_leaves_the_root_is_refused(string path)
    {
        var environment = new TaskEnvironment(root, dataDir, Guid.NewGuid());
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", path));
        Assert.Equal("path", error.Argument);
        Assert.Contains("is outside the files root", error.Message);
    }

    [Fact]
    public void A_symlink_out_of_the_root_is_refused()
    {
        File.WriteAllText(Path.Combine(outside, "secret.dat"), "x");
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);
        var environment = new TaskEnvironment(root, dataDir, Guid.NewGuid());
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", "link", "secret.dat"));
        Assert.Contains("is outside the files root", error.Message);
    }

    [Theory]
    [InlineData("rtl.db")]
    [InlineData("jobs/x.json")]
    [InlineData("plots/x/plot.png")]
    public void The_data_dir_inside_the_files_root_is_out_of_reach(string inData)
    {
        // A files root of ~ with the data dir ~/.rtl inside it: the root is reachable, the data dir is not.
        var data = Directory.CreateDirectory(Path.Combine(root, ".rtl")).FullName;
        var environment = new TaskEnvironment(root, data, Guid.NewGuid());
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", ".rtl", inData));
        Assert.Contains($"is inside {data}, the silo's own data", error.Message);
        Assert.Equal(Path.Combine(root, "elsewhere.csv"), environment.ResolvePath("path", "elsewhere.csv"));
    }

    [Fact]
    public void A_symlink_into_the_data_dir_is_refused()
    {
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "rtl.db"), "x");
        File.CreateSymbolicLink(Path.Combine(root, "db.csv"), Path.Combine(data, "rtl.db"));
        var environment = new TaskEnvironment(root, data, Guid.NewGuid());
        Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", "db.csv"));
    }

    [Fact]
    public void The_default_files_root_inside_the_data_dir_is_reachable_and_its_neighbours_are_not()
    {
        var files = Directory.CreateDirectory(Path.Combine(dataDir, "files")).FullName;
        var environment = new TaskEnvironment(files, dataDir, Guid.NewGuid());
        Assert.Equal(Path.Combine(files, "in.csv"), environment.ResolvePath("path", "in.csv"));
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", "..", "rtl.db"));
        Assert.Contains("is outside the files root", error.Message);
    }

    [Fact]
    public void The_plugins_folder_is_out_of_reach_wherever_it_is()
    {
        var plugins = Directory.CreateDirectory(Path.Combine(root, "plugins")).FullName;
        var environment = new TaskEnvironment(root, dataDir, Guid.NewGuid(), pluginsDirectory: plugins);
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", "plugins", "Evil.dll"));
        Assert.Contains($"is inside {plugins}", error.Message);
    }

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(dataDir, recursive: true);
        Directory.Delete(outside, recursive: true);
    }
}
