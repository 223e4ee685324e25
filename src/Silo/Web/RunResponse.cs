using System.Text;
using System.Text.Json;
using Rtl.Data;
using Rtl.Grains.Formats;

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
        var body = response.Body;
        await body.WriteAsync(head, httpContext.RequestAborted);
        await body.WriteAsync(job, httpContext.RequestAborted);
        if (withTable)
        {
            await body.WriteAsync(tableHead, httpContext.RequestAborted);
            // Written a buffer at a time, each awaited: a big result goes out paced by the client, never copied whole.
            await NpyFile.WriteAsync(body, table!, "result", httpContext.RequestAborted);
        }

        await body.WriteAsync(end, httpContext.RequestAborted);
    }
}
