using Xunit;
using Rtl.Hosting;
using Rtl.Tasks;

namespace Rtl.Tests.Hosting;

public sealed class TaskEnvironmentTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rtl-root-").FullName;
    private readonly string outside = Directory.CreateTempSubdirectory("rtl-outside-").FullName;

    [Fact]
    public void A_relative_path_resolves_inside_the_files_root()
    {
        var environment = new TaskEnvironment(root, root, Guid.NewGuid());
        Assert.Equal(Path.Combine(root, "raw_data", "x.dat"), environment.ResolvePath("path", "raw_data", "x.dat"));
    }

    [Theory]
    [InlineData("../escape.dat")]
    [InlineData("a/../../escape.dat")]
    [InlineData("/etc/passwd")]
    public void A_path_that_leaves_the_root_is_refused(string path)
    {
        var environment = new TaskEnvironment(root, root, Guid.NewGuid());
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", path));
        Assert.Equal("path", error.Argument);
        Assert.Contains("is outside the files root", error.Message);
    }

    [Fact]
    public void A_symlink_out_of_the_root_is_refused()
    {
        File.WriteAllText(Path.Combine(outside, "secret.dat"), "x");
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);
        var environment = new TaskEnvironment(root, root, Guid.NewGuid());
        var error = Assert.Throws<TaskArgumentException>(() => environment.ResolvePath("path", "link", "secret.dat"));
        Assert.Contains("is outside the files root", error.Message);
    }

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(outside, recursive: true);
    }
}
