using System.IO.Compression;
using System.Text;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Tasks;
using Rtl.Pipelines;
using Rtl.Tasks;
using Xunit;

namespace Rtl.Tests.Tasks;

public sealed class OpenTaskTests : IDisposable
{
    private static readonly OpenTask Task = new();

    // A directory of its own inside the test environment's files root.
    private readonly string dir = Guid.NewGuid().ToString("N");

    public OpenTaskTests() => Directory.CreateDirectory(Full());

    public void Dispose() => Directory.Delete(Full(), recursive: true);

    [Fact]
    public void The_seeds_task_open_text_case_replaces_the_table_with_three_i8_columns()
    {
        // seed-reference/open.json: kwargs {path: files, file: text.txt, delimiter: ",", mixed: false} over
        // a 4-row (a, b) table; the seed crashed (FileNotFoundError). text.txt is "1,2,3\n4,5,6\n".
        Write("text.txt", "1,2,3\n4,5,6\n");
        var input = Table.Create(("a", Column.Of(0L, 1, 2, 3)), ("b", Column.Of(3L, 2, 1, 0)));

        var output = TaskHarness.Run(Task, Args("\"file\": \"text.txt\", \"delimiter\": \",\", \"mixed\": false"), input);

        var table = output.Table;
        Assert.Equal("[('0', '<i8'), ('1', '<i8'), ('2', '<i8')]", table.Schema.ToString());
        Assert.Equal([1L, 4], table.Longs("0"));
        Assert.Equal([2L, 5], table.Longs("1"));
        Assert.Equal([3L, 6], table.Longs("2"));
        Assert.Equal("=> Opened: text.txt (2 rows x 3 columns)", Assert.Single(output.Notes).ToString());
    }

    [Fact]
    public void Header_names_the_columns()
    {
        Write("h.csv", "t,x\n1,0.5\n2,1.5\n");

        var table = TaskHarness.RunTable(Task, Args("\"file\": \"h.csv\", \"header\": true"), TaskHarness.Ab());

        Assert.Equal("[('t', '<i8'), ('x', '<f8')]", table.Schema.ToString());
        Assert.Equal([0.5, 1.5], table.Doubles("x"));
    }

    [Fact]
    public void Columns_name_the_columns_and_replace_a_header()
    {
        Write("text.txt", "1,2,3\n4,5,6\n");
        Write("h.csv", "t,x\n1,0.5\n");

        var named = TaskHarness.RunTable(Task, Args("\"file\": \"text.txt\", \"columns\": [\"a\", \"b\", \"c\"]"), Table.Empty);
        var renamed = TaskHarness.RunTable(Task, Args("\"file\": \"h.csv\", \"header\": true, \"columns\": [\"p\", \"q\"]"), Table.Empty);

        Assert.Equal("[('a', '<i8'), ('b', '<i8'), ('c', '<i8')]", named.Schema.ToString());
        Assert.Equal([3L, 6], named.Longs("c"));
        Assert.Equal("[('p', '<i8'), ('q', '<f8')]", renamed.Schema.ToString());
    }

    [Fact]
    public void Columns_name_an_empty_files_columns()
    {
        Write("empty.txt", string.Empty);

        var table = TaskHarness.RunTable(Task, Args("\"file\": \"empty.txt\", \"columns\": [\"a\", \"b\"]"), Table.Empty);

        Assert.Equal("[('a', '<f8'), ('b', '<f8')]", table.Schema.ToString());
        Assert.Equal(0, table.RowCount);
    }

    [Fact]
    public void Delimiter_splits_on_another_character()
    {
        Write("tabs.tsv", "1\t2.5\n3\tnan\n5\t-inf\n");

        var table = TaskHarness.RunTable(Task, Args("\"file\": \"tabs.tsv\", \"delimiter\": \"\\t\""), Table.Empty);

        Assert.Equal("[('0', '<i8'), ('1', '<f8')]", table.Schema.ToString());
        TaskHarness.Close([2.5, double.NaN, double.NegativeInfinity], table.Doubles("1"));
    }

    [Fact]
    public void Encoding_json_reads_json_lines()
    {
        Write("rows.jsonl", "{\"t\": 1, \"x\": 2}\n{\"t\": 2, \"x\": null}\n");

        var table = TaskHarness.RunTable(Task, Args("\"file\": \"rows.jsonl\", \"encoding\": \"json\""), TaskHarness.Axy());

        Assert.Equal("[('t', '<i8'), ('x', '<f8')]", table.Schema.ToString());
        TaskHarness.Close([2, double.NaN], table.Doubles("x"));
    }

    [Fact]
    public void Compression_zlib_reads_a_zlib_stream_of_either_encoding()
    {
        WriteZlib("text.txt.z", "1,2,3\n4,5,6\n");
        WriteZlib("rows.jsonl.z", "{\"a\": 1.5}\n{\"a\": 2}\n");

        var text = TaskHarness.RunTable(Task, Args("\"file\": \"text.txt.z\", \"compression\": \"zlib\""), Table.Empty);
        var json = TaskHarness.RunTable(Task,
            Args("\"file\": \"rows.jsonl.z\", \"compression\": \"zlib\", \"encoding\": \"json\", \"columns\": \"b\""), Table.Empty);

        Assert.Equal([3L, 6], text.Longs("2"));
        Assert.Equal("[('b', '<f8')]", json.Schema.ToString());
        Assert.Equal([1.5, 2], json.Doubles("b"));
    }

    [Fact]
    public void The_seeds_spelling_task_open_is_this_task() =>
        Assert.Equal("open", TaskNames.Canonical("task_open"));

    [Theory]
    [InlineData("\"file\": \"x.txt\"", "path", "required argument is missing")]
    [InlineData("\"path\": \".\"", "file", "required argument is missing")]
    [InlineData("\"path\": \".\", \"file\": 3", "file", "expected a string, got the number 3")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"encoding\": \"xml\"", "encoding", "unknown encoding 'xml' (expected one of: json)")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"compression\": \"gzip\"", "compression", "unknown compression 'gzip' (expected one of: zlib)")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"delimiter\": \"::\"", "delimiter", "expected one character, got \"::\"")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"header\": \"yes\"", "header", "expected true or false, got the string \"yes\"")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"header\": true, \"encoding\": \"json\"", "header", "JSON lines have no header line (their keys name the columns)")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"columns\": [\"a\", \"a\"]", "columns[1]", "column name 'a' appears twice")]
    [InlineData("\"path\": \".\", \"file\": \"x.txt\", \"columns\": [1]", "columns[0]", "expected a column name, got the number 1")]
    [InlineData("\"path\": \"..\", \"file\": \"x.txt\"", "path", "path '../x.txt' is outside the files root")]
    public void Bad_arguments_are_named(string json, string argument, string message) =>
        TaskHarness.PlanFails(Task, "{" + json + "}", Table.Empty, argument, message);

    [Fact]
    public void A_missing_file_names_the_file_argument_and_the_silo_it_looked_on()
    {
        var error = TaskHarness.PlanFails(Task, Args("\"file\": \"absent.txt\""), Table.Empty, "file",
            $"file not found on silo '{Environment.MachineName}': {Full("absent.txt")}");

        Assert.Contains("absent.txt", error.Located);
    }

    [Fact]
    public void A_columns_count_that_does_not_match_the_file_names_columns()
    {
        Write("text.txt", "1,2,3\n4,5,6\n");

        TaskHarness.PlanFails(Task, Args("\"file\": \"text.txt\", \"columns\": [\"a\", \"b\"]"), Table.Empty, "columns",
            "2 column names were given but text.txt has 3 columns (0, 1, 2)");
    }

    [Theory]
    [InlineData("ragged.txt", "1,2,3\n4,5\n", "", "line 2 has 2 values but the first row has 3")]
    [InlineData("cell.txt", "1,2\n3,abc\n", "", "line 2, column 2 ('1'): expected a number, found 3 characters that are not one")]
    [InlineData("bad.jsonl", "{\"a\": 1}\n{\"a\": }\n", ", \"encoding\": \"json\"", "line 2, column 7: not valid JSON")]
    [InlineData("plain.txt", "1,2\n", ", \"compression\": \"zlib\"", "at the start: not a valid zlib stream")]
    public void A_bad_file_names_the_file_and_line_in_plan_and_run(string name, string text, string more, string problem)
    {
        var path = Write(name, text);
        var args = TaskArgs.Parse(Args($"\"file\": \"{name}\"{more}"));

        var planned = Assert.Throws<FileFormatException>(() => Task.Plan(args, Table.Empty.Schema, TestEnvironment.Instance));
        var ran = Assert.Throws<FileFormatException>(() => Task.Run(args, Table.Empty, TestEnvironment.Instance));

        Assert.StartsWith($"{path}: {problem}", planned.Message);
        Assert.Equal(planned.Message, ran.Message);
    }

    private string Args(string rest) => $"{{\"path\": \"{dir}\", {rest}}}";

    private string Full(params string[] names) => Path.Combine([TestEnvironment.Instance.FilesRoot, dir, .. names]);

    private string Write(string name, string text)
    {
        var path = Full(name);
        File.WriteAllText(path, text);
        return path;
    }

    private void WriteZlib(string name, string text)
    {
        using var file = File.Create(Full(name));
        using var zlib = new ZLibStream(file, CompressionLevel.Optimal);
        zlib.Write(Encoding.UTF8.GetBytes(text));
    }
}
