using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.BadInput;

/// <summary>
/// Bad <c>.dat</c>/<c>.meta</c> files, read on the silo (<c>open_array</c>, through the SDK) and by the CLI
/// (<c>--input</c>): each error names the file, and the silo keeps working.
/// </summary>
public sealed class FileBadInputTests(BadInputSilo silo) : IClassFixture<BadInputSilo>
{
    [Fact]
    public async Task A_missing_dat_is_named()
    {
        var sdk = await silo.FailsWith(OpenArray("absent"));
        var cli = await silo.CliFailsWith("run", WritePipeline(), "--input", "absent.dat");

        Assert.Contains("stage 0, task 'open_array', filename", sdk);
        Assert.Contains("absent.dat", sdk);
        Assert.Contains("absent.meta: file not found", cli); // the CLI reads the .meta first
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_truncated_dat_is_named_and_said_to_be_truncated()
    {
        var dat = WriteDat("truncated", rows: 10);
        using (var file = File.OpenWrite(dat))
        {
            file.SetLength(file.Length - 5);
        }

        var sdk = await silo.FailsWith(OpenArray("truncated"));
        var cli = await silo.CliFailsWith("run", WritePipeline(), "--input", "truncated.dat");

        Assert.Contains("stage 0, task 'open_array'", sdk);
        Assert.Contains("truncated.dat", sdk);
        Assert.Contains("is truncated", sdk);
        Assert.Contains("truncated.dat", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_corrupt_dat_is_named()
    {
        var dat = WriteDat("corrupt", rows: 10);
        File.WriteAllText(dat, "this is not a record file, it is text that replaced it\n");

        var sdk = await silo.FailsWith(OpenArray("corrupt"));
        var cli = await silo.CliFailsWith("run", WritePipeline(), "--input", "corrupt.dat");

        Assert.Contains("stage 0, task 'open_array'", sdk);
        Assert.Contains("corrupt.dat", sdk);
        Assert.Contains("corrupt.dat", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_meta_that_does_not_match_its_dat_is_named()
    {
        WriteDat("mismatch", rows: 5); // 5 records of (<i8, <f8): 80 bytes
        var threeColumns = Path.ChangeExtension(WriteDat("three", rows: 1, columns: 3), ".meta"); // 24-byte records
        File.Copy(threeColumns, Path.Combine(silo.Files, "mismatch.meta"), overwrite: true);

        var sdk = await silo.FailsWith(OpenArray("mismatch"));
        var cli = await silo.CliFailsWith("run", WritePipeline(), "--input", "mismatch.dat");

        Assert.Contains("stage 0, task 'open_array'", sdk);
        Assert.Contains("mismatch.dat", sdk);
        Assert.Contains("does not match its .meta", sdk);
        Assert.Contains("does not match its .meta", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_corrupt_meta_is_named()
    {
        WriteDat("badmeta", rows: 3);
        File.WriteAllText(Path.Combine(silo.Files, "badmeta.meta"), "%%% not base64 %%%");

        var sdk = await silo.FailsWith(OpenArray("badmeta"));
        var cli = await silo.CliFailsWith("run", WritePipeline(), "--input", "badmeta.dat");

        Assert.Contains("stage 0, task 'open_array'", sdk);
        Assert.Contains("badmeta.meta", sdk);
        Assert.Contains("badmeta.meta", cli);
        await silo.NextGoodJobSucceeds();
    }

    private static Pipeline OpenArray(string name) =>
        Pipeline.Builder().Stage(s => s.Task("open_array", new { path = ".", filename = name, extension = "dat" })).Build();

    private string WritePipeline() =>
        Path.GetFileName(silo.Write("null.json", """{"stages": [{"tasks": [{"task": "null"}]}]}"""));

    /// <summary>Writes NAME.dat and NAME.meta (columns of &lt;i8 then &lt;f8); returns the .dat's path.</summary>
    private string WriteDat(string name, int rows, int columns = 2)
    {
        var path = Path.Combine(silo.Files, name + ".dat");
        var table = Table.Create(Enumerable.Range(0, columns)
            .Select(c => ($"c{c}", c % 2 == 0 ? (Column)Column.Of(Enumerable.Range(0, rows).Select(i => (long)i).ToArray())
                                              : Column.Of(Enumerable.Range(0, rows).Select(i => i * 0.5).ToArray())))
            .ToArray());
        TableFiles.Write(path, table);
        return path;
    }
}
