using Rtl.Client;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.IntegrationTests.Postgres;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Security;

/// <summary>A real silo with a real files root: task paths that leave it are refused, through the SDK and the CLI.</summary>
public sealed class ConfinedSilo : IAsyncLifetime
{
    public RtlSilos Silos { get; } = new();

    /// <summary>A directory beside the files root, holding a perfectly readable table nobody should reach.</summary>
    public string Outside { get; } = Directory.CreateTempSubdirectory("rtl-outside-").FullName;

    public RtlClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var table = Table.Create(("secret", Column.Of(42L)));
        TableFiles.Write(Path.Combine(Outside, "secret.dat"), table);
        TableFiles.Write(Path.Combine(Silos.Files, "inside.dat"), table);
        File.CreateSymbolicLink(Path.Combine(Silos.Files, "escape"), Outside);
        await Silos.StartSiloAsync();
        Client = await Silos.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Silos.DisposeAsync();
        Directory.Delete(Outside, recursive: true);
    }
}

public sealed class PathConfinementTests(ConfinedSilo silo) : IClassFixture<ConfinedSilo>
{
    [Theory]
    [InlineData("relative")] // ../rtl-outside-…
    [InlineData("absolute")] // /tmp/rtl-outside-…
    [InlineData("symlink")]  // a link inside the root that points out of it
    public async Task Open_array_outside_the_files_root_is_refused_and_the_silo_keeps_working(string escape)
    {
        var directory = escape switch
        {
            "relative" => Path.GetRelativePath(silo.Silos.Files, silo.Outside),
            "absolute" => silo.Outside,
            _ => "escape",
        };

        var error = await Assert.ThrowsAsync<RtlJobException>(() => silo.Client.RunAsync(Open(directory, "secret")));
        var inside = await silo.Client.RunAsync(Open(".", "inside"));

        Assert.Contains("stage 0, task 'open_array', path", error.Message);
        Assert.Contains("outside the files root", error.Message);
        Assert.Null(error.Result.Table);
        Assert.Equal(42L, inside.Table!["secret"].GetDouble(0));
    }

    [Fact]
    public async Task Write_outside_the_files_root_is_refused()
    {
        var pipeline = Pipeline.Builder().Stage(s => s.Task("write",
            new { path = Path.GetRelativePath(silo.Silos.Files, silo.Outside), filename = "stolen", extension = "dat" })).Build();

        var error = await Assert.ThrowsAsync<RtlJobException>(() => silo.Client.RunAsync(pipeline, Table.Create(("x", Column.Of(1.0)))));

        Assert.Contains("outside the files root", error.Message);
        Assert.False(File.Exists(Path.Combine(silo.Outside, "stolen.dat")));
    }

    [Fact]
    public async Task The_cli_reports_an_escaping_path_with_a_non_zero_exit()
    {
        File.WriteAllText(Path.Combine(silo.Silos.Files, "escape.json"), Open("escape", "secret").ToJson());

        var run = await silo.Silos.Rtl("run", "escape.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("outside the files root", run.Stderr);
        Assert.DoesNotContain("42", run.Stdout);
    }

    private static Pipeline Open(string path, string name) =>
        Pipeline.Builder().Stage(s => s.Task("open_array", new { path, filename = name, extension = "dat" })).Build();
}
