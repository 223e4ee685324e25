using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Rtl.Pipelines;

namespace Rtl.Silo.Web.Submissions;

/// <summary>
/// Feeds a request body to a <see cref="SubmissionParser"/> in small chunks as it arrives: memory stays at one chunk
/// plus what the submission becomes, whatever the body holds (a gigabyte of spaces costs nothing).
/// </summary>
public static class SubmissionReader
{
    private const int ChunkBytes = 64 << 10;

    /// <summary>The most one JSON token (a string, a number) may take: nothing valid comes near it.</summary>
    private const int MaxTokenBytes = PipelineLimits.MaxJsonBytes;

    /// <summary>
    /// Reads the submission into <paramref name="into"/>; <see cref="RequestBodyTooLargeException"/> once more than
    /// <paramref name="bodyLimit"/> bytes arrived. Not returned as the task's result: a finished task keeps its result
    /// alive while the caller's continuations run inline on it, which would keep a refused table from being collected.
    /// </summary>
    public static async Task ReadAsync(Stream body, long bodyLimit, long maxTableBytes, StrongBox<JobSubmission?> into, CancellationToken cancellationToken)
    {
        var parser = new SubmissionParser(maxTableBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var kept = 0;
        var total = 0L;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer.AsMemory(kept), cancellationToken);
                total += read;
                if (total > bodyLimit)
                {
                    throw new RequestBodyTooLargeException(string.Create(CultureInfo.InvariantCulture, $"request body: over {bodyLimit:N0} bytes"));
                }

                var length = kept + read;
                var consumed = parser.Feed(buffer.AsSpan(0, length), final: read == 0);
                if (read == 0)
                {
                    into.Value = parser.Result();
                    return;
                }

                kept = length - consumed;
                buffer.AsSpan(consumed, kept).CopyTo(buffer);
                if (kept == buffer.Length)
                {
                    buffer = Grown(buffer, total);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A buffer twice as big for a token that does not fit, up to <see cref="MaxTokenBytes"/>.</summary>
    private static byte[] Grown(byte[] buffer, long total)
    {
        if (buffer.Length >= MaxTokenBytes)
        {
            throw new PipelineFormatException(string.Create(CultureInfo.InvariantCulture,
                $"a single JSON value (a string or number) over {MaxTokenBytes:N0} bytes, found before byte {total:N0} of the body"));
        }

        var grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(grown, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }
}

/// <summary>A request body over the silo's limit (HTTP 413).</summary>
[GenerateSerializer]
public sealed class RequestBodyTooLargeException(string message) : Exception(message);
