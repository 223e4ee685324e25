using System.Globalization;

namespace Rtl.Silo.Web.Submissions;

/// <summary>
/// A request body that may be read up to a limit: one byte more is a <see cref="RequestBodyTooLargeException"/>
/// (HTTP 413), whoever reads it — here a <c>MultipartReader</c>, which would otherwise read on unbounded.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private long total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => total;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        total += read;
        return total > limit
            ? throw new RequestBodyTooLargeException(string.Create(CultureInfo.InvariantCulture, $"request body: over {limit:N0} bytes"))
            : read;
    }
}
