using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Rtl.Silo.Storage;

public sealed partial class PostgresJobStore
{
    /// <summary>A write-only stream that sends every <see cref="PartBytes"/> it is given as one COPY row.</summary>
    private sealed class PartWriter(NpgsqlBinaryImporter importer, Guid job, string name) : Stream
    {
        private readonly byte[] buffer = new byte[PartBytes];
        private int filled;
        private int part;

        public long Bytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> source)
        {
            while (!source.IsEmpty)
            {
                var take = Math.Min(source.Length, buffer.Length - filled);
                source[..take].CopyTo(buffer.AsSpan(filled));
                filled += take;
                source = source[take..];
                Bytes += take;
                if (filled == buffer.Length)
                {
                    SendPart();
                }
            }
        }

        /// <summary>Sends what is buffered as the last, shorter part.</summary>
        public override void Flush()
        {
            if (filled > 0)
            {
                SendPart();
            }
        }

        public override int Read(byte[] target, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void SendPart()
        {
            importer.StartRow();
            importer.Write(job, NpgsqlDbType.Uuid);
            importer.Write(name, NpgsqlDbType.Text);
            importer.Write(part++, NpgsqlDbType.Integer);
            importer.Write(new ArraySegment<byte>(buffer, 0, filled), NpgsqlDbType.Bytea);
            filled = 0;
        }
    }

    /// <summary>
    /// A read-only stream over the blob's parts in order, each streamed from the server as it is read; owns the
    /// connection, its snapshot and the query, and closes them when disposed.
    /// </summary>
    private sealed class PartReader : Stream
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlTransaction transaction;
        private readonly NpgsqlCommand command;
        private readonly NpgsqlDataReader rows;
        private Stream? current;
        private long position;

        private PartReader(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlCommand command, NpgsqlDataReader rows) =>
            (this.connection, this.transaction, this.command, this.rows) = (connection, transaction, command, rows);

        public static PartReader Open(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlCommand command) =>
            new(connection, transaction, command, command.ExecuteReader(CommandBehavior.SequentialAccess));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] target, int offset, int count) => Read(target.AsSpan(offset, count));

        public override int Read(Span<byte> target)
        {
            while (!target.IsEmpty)
            {
                if (current is null)
                {
                    if (!rows.Read())
                    {
                        return 0;
                    }

                    current = rows.GetStream(0);
                }

                var read = current.Read(target);
                if (read > 0)
                {
                    position += read;
                    return read;
                }

                current.Dispose();
                current = null;
            }

            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] source, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                current?.Dispose();
                rows.Dispose();
                command.Dispose();
                transaction.Dispose();
                connection.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
