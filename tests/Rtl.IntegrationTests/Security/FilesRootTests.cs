using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Postgres;
using Rtl.IntegrationTests.Processes;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Security;

/// <summary>
/// The files root through real silos: by default a folder of its own that leads nowhere else; when it holds the
/// data dir (a silo started with <c>--files-root ~</c> and the data dir <c>~/.rtl</c>) no job reaches another
/// job's input or the plugins folder; a root that exposes everything is refused; parse errors keep the file's text.
/// </summary>
public sealed class FilesRootTests
{
    // Values no path or id in a message could hold by chance (a GUID's hex could hold "42").
    private static readonly Table Secret = Table.Create(("secret", Column.Of(4_271_828_183L, 4_271_828_184L)));

    [Fact]
    public async Task The_default_files_root_is_a_folder_of_its_own_that_leads_to_no_job()
    {
        await using var silos = new RtlSilos(options => options.FilesRoot = null);
        await silos.StartSiloAsync();
        await using var client = await silos.ConnectAsync();
        var other = await client.WaitAsync((await client.SubmitAsync(Null(), Secret)).Id, TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(OpenInput($"../jobs/{other.Id:N}")));

        Assert.True(Directory.Exists(Path.Combine(silos.DataDir, "files")), "the default files root is created on start");
        Assert.Contains("outside the files root", error.Message);
        Assert.DoesNotContain("4271828183", error.Message);
        await AGoodJobStillRuns(client);
    }

    [Fact]
    public async Task A_files_root_holding_the_data_dir_reaches_neither_jobs_nor_plugins()
    {
        await using var silos = new RtlSilos(dataDirInFiles: ".rtl");
        await silos.StartSiloAsync();
        await using var client = await silos.ConnectAsync();
        var other = await client.WaitAsync((await client.SubmitAsync(Null(), Secret)).Id, TimeSpan.FromMinutes(2));
        Directory.CreateDirectory(Path.Combine(silos.DataDir, "plugins"));
        File.CreateSymbolicLink(Path.Combine(silos.Files, "jobs-link"), Path.Combine(silos.DataDir, "jobs"));

        var direct = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(OpenInput($".rtl/jobs/{other.Id:N}")));
        var linked = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(OpenInput($"jobs-link/{other.Id:N}")));
        var plugin = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(
            Pipeline.Builder().Stage(s => s.Task("write", new { path = ".rtl/plugins", filename = "evil", extension = "dat" })).Build(),
            Secret));

        foreach (var error in new[] { direct, linked, plugin })
        {
            Assert.Contains("the silo's own data, which tasks cannot reach", error.Message);
            Assert.Null(error.Result.Table);
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(silos.DataDir, "plugins")));
        await AGoodJobStillRuns(client);
    }

    [Theory]
    [InlineData("/", "the root of the file system")]
    [InlineData("~", "the home directory")]
    public async Task A_silo_refuses_a_files_root_that_exposes_everything_unless_forced(string root, string what)
    {
        var dataDir = Directory.CreateTempSubdirectory("rtl-broad-root-").FullName;
        try
        {
            var refused = await RtlProcess.Run(dataDir, TimeSpan.FromMinutes(2),
                "silo", "--data-dir", dataDir, "--files-root", root, "--silo-port", "0", "--gateway-port", "0", "--web-port", "0");

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"is {what}", refused.Stderr);
            Assert.Contains("--force-files-root", refused.Stderr);
            Assert.DoesNotContain("   at ", refused.Stderr);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_table_is_reported_by_position_never_by_its_text()
    {
        await using var silos = new RtlSilos();
        File.WriteAllText(Path.Combine(silos.Files, "passwd"),
            "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        await silos.StartSiloAsync();
        await using var client = await silos.ConnectAsync();

        var error = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(Pipeline.Builder()
            .Stage(s => s.Task("open", new { path = ".", file = "passwd", delimiter = ":", header = false })).Build()));

        Assert.Contains("line 1, column 1", error.Message);
        Assert.Contains("expected a number, found 4 characters that are not one", error.Message);
        foreach (var leaked in new[] { "root", "bash", "daemon", "nologin" })
        {
            Assert.DoesNotContain(leaked, error.Message.Replace(silos.Files, ""));
        }

        await AGoodJobStillRuns(client);
    }

    private static Pipeline Null() => Pipeline.Builder().Stage(s => s.Task("null")).Build();

    private static Pipeline OpenInput(string folder) =>
        Pipeline.Builder().Stage(s => s.Task("open_array", new { path = folder, filename = "input", extension = "npy" })).Build();

    private static async Task AGoodJobStillRuns(RtlClient client)
    {
        var good = await client.RunAsync(Pipeline.Builder()
            .Stage(s => s.Task("add", new { operations = new[] { new { a = "secret", b = 1, column = "next" } } })).Build(), Secret);
        Assert.Equal(4_271_828_184.0, good.Table!["next"].GetDouble(0));
        Assert.Equal(4_271_828_185.0, good.Table!["next"].GetDouble(1));
    }
}
