using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rtl.Data;
using Rtl.Formats;

namespace Rtl.Silo.Web;

/// <summary>
/// The answer of <c>POST /api/run</c>: <c>multipart/mixed</c> with a part <c>job</c> (JSON) and, when the run left a
/// table with columns, a part <c>table</c> (numpy <c>.npy</c>, the bytes <c>np.save</c> writes).
/// </summary>
internal sealed class RunResponse(RunView view, Table? table) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var boundary = $"rtl-{view.Id:N}";
        var response = httpContext.Response;
        response.ContentType = $"multipart/mixed; boundary={boundary}";
        // Sized up front, so a client can read the answer into one buffer of the right size (numpy then wraps it, uncopied).
        var job = JsonSerializer.SerializeToUtf8Bytes(view, JsonSerializerOptions.Web);
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: application/json\r\nContent-Disposition: inline; name=\"job\"\r\n\r\n");
        var tableHead = Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\nContent-Type: application/x-npy\r\nContent-Disposition: inline; name=\"table\"\r\n\r\n");
        var end = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var withTable = table is { ColumnCount: > 0 };
        response.ContentLength = head.Length + job.Length + end.Length + (withTable ? tableHead.Length + NpyFile.ByteSize(table!) : 0);
        var writer = response.BodyWriter;
        writer.Write(head);
        writer.Write(job);
        if (withTable)
        {
            writer.Write(tableHead);
            // The writer buffers until the flush below: the records go out once, with no second copy of the table.
            NpyFile.Write(new BufferWriterStream(writer), table!, "result");
        }

        writer.Write(end);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>A write-only stream over the response's pipe, for writers that take a stream (<see cref="NpyFile"/>).</summary>
    private sealed class BufferWriterStream(PipeWriter writer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer) => writer.Write(buffer);

        public override void Write(byte[] buffer, int offset, int count) => writer.Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
