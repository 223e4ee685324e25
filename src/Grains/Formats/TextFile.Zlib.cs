using System.Buffers.Binary;
using System.IO.Compression;

namespace Rtl.Grains.Formats;

public static partial class TextFile
{
    /// <summary>
    /// A <see cref="ZLibStream"/> that checks the stream's Adler-32 trailer at the end. .NET's inflater ends
    /// quietly when the file ends early, so a zlib file cut short on a line boundary would otherwise read
    /// as fewer rows; the trailer (the file's last 4 bytes) must match what was inflated.
    /// </summary>
    private sealed class CheckedZlibStream(FileStream file) : Stream
    {
        private const uint Modulus = 65521;
        private const int MaxRun = 5552; // the most bytes before the sums must be reduced (zlib's NMAX)

        private readonly ZLibStream inflate = new(file, CompressionMode.Decompress);
        private uint a = 1;
        private uint b;
        private bool verified;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inflate.Read(buffer);
            if (read > 0)
            {
                Update(buffer[..read]);
            }
            else if (buffer.Length > 0 && !verified)
            {
                Verify();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inflate.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Update(ReadOnlySpan<byte> bytes)
        {
            while (bytes.Length > 0)
            {
                var run = Math.Min(bytes.Length, MaxRun);
                foreach (var value in bytes[..run])
                {
                    a += value;
                    b += a;
                }

                a %= Modulus;
                b %= Modulus;
                bytes = bytes[run..];
            }
        }

        private void Verify()
        {
            verified = true;
            Span<byte> trailer = stackalloc byte[4];
            if (file.Length < 6)
            {
                throw new InvalidDataException("the stream is too short to be zlib");
            }

            file.Position = file.Length - 4;
            file.ReadExactly(trailer);
            if (BinaryPrimitives.ReadUInt32BigEndian(trailer) != ((b << 16) | a))
            {
                throw new InvalidDataException("it is cut short, or its checksum does not match");
            }
        }
    }
}
