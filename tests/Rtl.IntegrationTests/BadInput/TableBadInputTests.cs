using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.BadInput;

/// <summary>Empty and very large tables: the result or error is clear, and the silo keeps working.</summary>
public sealed class TableBadInputTests(BadInputSilo silo) : IClassFixture<BadInputSilo>
{
    private const int FiveMillion = 5_000_000;

    private static readonly Pipeline AddOne =
        Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } })).Build();

    [Fact]
    public async Task An_empty_table_without_columns_is_refused_naming_the_missing_column_and_an_empty_csv_file_as_empty()
    {
        silo.Write("empty.csv", "");
        silo.Write("add.json", AddOne.ToJson());

        var sdk = await silo.FailsWith(AddOne, Table.Empty);
        var cli = await silo.CliFailsWith("run", "add.json", "--input", "empty.csv");

        Assert.Contains("stage 0, task 'add', operations[0].a", sdk);
        Assert.Contains("'x'", sdk);
        Assert.Contains("empty.csv: file is empty", cli);
        Assert.DoesNotContain("not found", cli);
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_table_with_columns_and_no_rows_runs_to_an_empty_result()
    {
        silo.Write("header-only.csv", "x\n");
        silo.Write("add.json", AddOne.ToJson());

        var sdk = await silo.Client.RunAsync(AddOne, Table.Create(("x", Column.Of(Array.Empty<double>()))));
        var cli = await silo.Rtl("run", "add.json", "--input", "header-only.csv", "--output", "header-only-out.csv");

        Assert.Equal(0, sdk.Table!.RowCount);
        Assert.Equal(["x", "y"], sdk.Table.Names);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        await silo.NextGoodJobSucceeds();
    }

    [Fact]
    public async Task A_5_000_000_row_table_over_the_limit_is_refused_with_its_size_and_one_under_it_runs()
    {
        var twoColumns = Table.Create(("x", Column.Of(new double[FiveMillion])), ("z", Column.Of(new double[FiveMillion])));
        TableFiles.Write(Path.Combine(silo.Files, "big.dat"), twoColumns);
        silo.Write("add.json", AddOne.ToJson());

        var refused = await silo.FailsWith(AddOne, twoColumns);
        var submitted = await Assert.ThrowsAsync<ArgumentException>(() => silo.Client.SubmitAsync(AddOne, twoColumns));
        var cli = await silo.CliFailsWith("run", "add.json", "--input", "big.dat");
        var oneColumn = Table.Create(("x", Column.Of(Enumerable.Range(0, FiveMillion).Select(i => (double)i).ToArray())));
        var result = await silo.Client.RunAsync(AddOne, oneColumn);

        Assert.Contains("input table: 80,000,000 bytes (5,000,000 rows × 2 columns)", refused);
        Assert.Contains("MaxTableBytes", refused);
        Assert.Contains("input table: 80,000,000 bytes", submitted.Message);
        Assert.Contains("input table: 80,000,000 bytes", cli);
        Assert.Equal(FiveMillion, result.Table!.RowCount);
        Assert.Equal(FiveMillion, result.Table["y"].GetDouble(FiveMillion - 1));
        await silo.NextGoodJobSucceeds();
    }
}
