using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Rtl.Data;
using Rtl.Pipelines;
using Rtl.Silo.Web;
using Rtl.Silo.Web.Submissions;
using Xunit;

namespace Rtl.IntegrationTests.Web;

/// <summary>The streaming reader of <c>POST /api/jobs</c> bodies: the same submission whatever the chunks, and bounded memory whatever the body.</summary>
public sealed class SubmissionReaderTests
{
    private const string Body = "\uFEFF" + """
        {"note": {"nested": [1, {"deep": "}]"}], "s": "{\"pipeline\": 1}"},
         "table": {"meta": [1, 2], "columns": {"id": [1, 9007199254740993, -3], "x": [1, 2.5, null], "s": ["nan", "-inf", 4]}},
         "pipeline": {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": 1, "column": "y \" } ]"}]}]}]}}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1 << 16)]
    public async Task Any_chunking_reads_the_same_pipeline_and_table(int chunk)
    {
        var submission = await Read(Encoding.UTF8.GetBytes(Body), chunk);

        Assert.Null(submission.PipelineName);
        using var arguments = JsonDocument.Parse(Assert.Single(submission.Pipeline!.Stages).Tasks[0].ArgumentsJson);
        Assert.Equal("y \" } ]", arguments.RootElement.GetProperty("operations")[0].GetProperty("column").GetString());
        var table = submission.Table!;
        Assert.Equal(["id", "x", "s"], table.Schema.Columns.Select(c => c.Name));
        Assert.Equal([1L, 9007199254740993L, -3L], ((Column<long>)table["id"]).Span.ToArray());
        Assert.Equal([1.0, 2.5, double.NaN], ((Column<double>)table["x"]).Span.ToArray());
        Assert.Equal([double.NaN, double.NegativeInfinity, 4.0], ((Column<double>)table["s"]).Span.ToArray());
    }

    [Fact]
    public async Task A_long_integer_column_turning_fractional_keeps_every_value()
    {
        var values = Enumerable.Range(0, 300_000).Select(i => (long)i).ToList();
        var body = """{"pipeline": "stored", "table": {"columns": {"v": [""" + string.Join(",", values) + ", 0.5]}}}";

        var submission = await Read(Encoding.UTF8.GetBytes(body), 4096);

        var column = (Column<double>)submission.Table!["v"];
        Assert.Equal(values.Select(v => (double)v).Append(0.5), column.Span.ToArray());
        Assert.Equal("stored", submission.PipelineName);
    }

    [Fact]
    public async Task Two_hundred_megabytes_of_spaces_cost_no_more_than_a_chunk()
    {
        using var body = new PaddedBody("""{"pipeline": "p", "pad": 1""", 200L << 20, "}");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var submission = new StrongBox<JobSubmission?>();
        // Every read completes at once, so the whole read stays on this thread and its allocations are counted here.
        await SubmissionReader.ReadAsync(body, long.MaxValue, 1 << 20, submission, CancellationToken.None);

        Assert.Equal("p", submission.Value!.PipelineName);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
    }

    [Fact]
    public async Task A_pipeline_over_its_limit_is_refused_before_it_is_read_whole()
    {
        var body = """{"pipeline": {"stages": [""" + string.Join(",", Enumerable.Repeat("""{"tasks": [{"task": "null"}]}""", 60_000)) + "]}}";

        var error = await Assert.ThrowsAsync<PipelineTooLargeException>(() => Read(Encoding.UTF8.GetBytes(body), 1 << 16));

        Assert.Equal("the pipeline is over 1,048,576 bytes of JSON (1 MiB), the most a pipeline may be", error.Message);
    }

    [Fact]
    public async Task A_table_over_its_limit_is_counted_not_kept_and_named_with_its_size()
    {
        var body = """{"pipeline": "p", "table": {"columns": {"a": [""" + string.Join(",", Enumerable.Repeat(1, 1000)) + "], \"b\": ["
            + string.Join(",", Enumerable.Repeat(2.5, 1000)) + "]}}}";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Read(Encoding.UTF8.GetBytes(body), 1 << 16, maxTableBytes: 10_000));

        Assert.Equal("input table: 16,000 bytes (1,000 rows × 2 columns) is over this cluster's limit of 10,000 bytes (MaxTableBytes, --max-table-bytes)", error.Message);
    }

    [Theory]
    [InlineData("""{"pipeline": "p", "table": {"columns": {"a": [1, 1e999]}}}""", "table.columns.a[1]: the number 1e999 is out of range of a double")]
    [InlineData("""{"pipeline": "p", "table": {"columns": {"a": [1, true]}}}""", "table.columns.a[1]: expected a number, got true")]
    [InlineData("""{"pipeline": "p", "table": {"columns": {"a": [1], "a": [2]}}}""", "table.columns.a: appears twice")]
    [InlineData("""{"pipeline": "p", "table": {"columns": {}}}""", "table.columns: no columns")]
    [InlineData("""{"pipeline": "p", "table": {"rows": 3}}""", "'table' must be {\"columns\"")]
    [InlineData("""{"pipeline": 3}""", "'pipeline' must be a pipeline object or the name of a stored pipeline")]
    [InlineData("""[1, 2]""", "expected {\"pipeline\": {...}")]
    [InlineData("""{"table": null}""", "expected {\"pipeline\": {...}")]
    [InlineData("{\"pipeline\": \"p\",\n \"x\": [1,, 2]}", "malformed JSON at line 2, column")]
    [InlineData("""{"pipeline": "p" """, "malformed JSON at line 1, column")]
    public async Task A_bad_body_names_what_is_wrong_whatever_the_chunks(string body, string message)
    {
        foreach (var chunk in new[] { 1, 3, 1 << 16 })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => Read(Encoding.UTF8.GetBytes(body), chunk));
            Assert.StartsWith(message, error.Message);
        }
    }

    [Fact]
    public async Task A_body_over_its_limit_stops_being_read()
    {
        var body = Encoding.UTF8.GetBytes("""{"pipeline": "p", "pad": """ + new string(' ', 10_000) + "1}");

        await Assert.ThrowsAsync<RequestBodyTooLargeException>(() => Read(body, 1000, bodyLimit: 5_000));
    }

    private static async Task<JobSubmission> Read(byte[] body, int chunk, long maxTableBytes = 1 << 30, long bodyLimit = long.MaxValue)
    {
        using var stream = new ChunkedStream(body, chunk);
        var read = new StrongBox<JobSubmission?>();
        await SubmissionReader.ReadAsync(stream, bodyLimit, maxTableBytes, read, CancellationToken.None);
        return read.Value!;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a network does.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    /// <summary>A head, <c>padding</c> spaces made up as they are read, and a tail: a huge body that costs the test nothing.</summary>
    private sealed class PaddedBody(string head, long padding, string tail) : Stream
    {
        private readonly byte[] start = Encoding.UTF8.GetBytes(head);
        private readonly byte[] end = Encoding.UTF8.GetBytes(tail);
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => start.Length + padding + end.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && position < Length)
            {
                var at = position;
                if (at >= start.Length && at < start.Length + padding)
                {
                    var spaces = (int)Math.Min(buffer.Length - written, start.Length + padding - at);
                    buffer.Slice(written, spaces).Fill((byte)' ');
                    written += spaces;
                    position += spaces;
                    continue;
                }

                buffer[written++] = at < start.Length ? start[at] : end[at - start.Length - padding];
                position++;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
