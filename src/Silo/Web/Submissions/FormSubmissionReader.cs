using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Pipelines;
using Rtl.Silo.Security;

namespace Rtl.Silo.Web.Submissions;

/// <summary>
/// A submission as <c>multipart/form-data</c>: a part <c>pipeline</c> (either JSON shape, or a stored pipeline's name
/// as a JSON string) and an optional part <c>table</c>, a structured numpy <c>.npy</c>. The table streams straight into
/// its columns; its header is checked against <c>MaxTableBytes</c> before a row is allocated.
/// </summary>
public static class FormSubmissionReader
{
    /// <summary>A header naming 100,000 columns is about 2 MB of text; nothing real comes near this.</summary>
    private const int MaxNpyHeaderBytes = 8 << 20;

    private const string Parts = "expected a part 'pipeline' (JSON) and optionally a part 'table' (application/x-npy)";

    public static bool IsForm(string? contentType) =>
        contentType is not null && contentType.Split(';', 2)[0].Trim().Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the parts into <paramref name="into"/> (not returned, as in <see cref="SubmissionReader"/>).</summary>
    public static async Task ReadAsync(Stream body, string contentType, long bodyLimit, long maxTableBytes, StrongBox<JobSubmission?> into, CancellationToken cancellationToken)
    {
        var boundary = Boundary(contentType);
        var reader = new MultipartReader(boundary, new BoundedStream(body, bodyLimit)) { BodyLengthLimit = bodyLimit };
        string? pipelineText = null;
        Table? table = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                (pipelineText, table) = await ReadPart(section, pipelineText, table, maxTableBytes, cancellationToken);
            }
        }
        catch (InvalidDataException e)
        {
            throw new PipelineFormatException($"multipart body: {e.Message}");
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // The body ended before its closing boundary (MultipartReader's "Unexpected end of Stream").
            throw new PipelineFormatException($"multipart body: ended before its closing boundary; it was cut short ({e.Message})");
        }

        into.Value = pipelineText is null
            ? throw new PipelineFormatException($"multipart body: no part 'pipeline'; {Parts}")
            : Submission(pipelineText, table);
    }

    private static async Task<(string? Pipeline, Table? Table)> ReadPart(MultipartSection section, string? pipelineText, Table? table,
        long maxTableBytes, CancellationToken cancellationToken)
    {
        var name = PartName(section);
        if (name == "pipeline" && pipelineText is null)
        {
            pipelineText = await ReadPipeline(section.Body, cancellationToken);
        }
        else if (name == "table" && table is null)
        {
            table = await ReadTable(section.Body, maxTableBytes, cancellationToken);
        }
        else
        {
            throw new PipelineFormatException(name is "pipeline" or "table"
                ? $"multipart body: the part '{name}' appears twice; {Parts}"
                : $"multipart body: unexpected part '{name}'; {Parts}");
        }

        return (pipelineText, table);
    }

    private static string Boundary(string contentType)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var media)
            ? HeaderUtilities.RemoveQuotes(media.Boundary).Value
            : null;
        return string.IsNullOrWhiteSpace(boundary)
            ? throw new PipelineFormatException("multipart body: the Content-Type has no boundary")
            : boundary;
    }

    private static string PartName(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""
            : "";

    /// <summary>The pipeline part, at most <see cref="PipelineLimits.MaxJsonBytes"/> (else 413, as for a JSON body).</summary>
    private static async Task<string> ReadPipeline(Stream part, CancellationToken cancellationToken)
    {
        // Pooled: a fresh 1 MiB array per request would be a large-object allocation on every small job.
        var buffer = ArrayPool<byte>.Shared.Rent(PipelineLimits.MaxJsonBytes + 1);
        try
        {
            var length = await part.ReadAtLeastAsync(buffer.AsMemory(0, PipelineLimits.MaxJsonBytes + 1), PipelineLimits.MaxJsonBytes + 1,
                throwOnEndOfStream: false, cancellationToken);
            PipelineLimits.CheckJson(length);
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<Table> ReadTable(Stream part, long maxTableBytes, CancellationToken cancellationToken)
    {
        const string name = "table part";
        var header = await NpyFile.ReadHeaderAsync(part, name, MaxNpyHeaderBytes, cancellationToken);
        if (header.Schema.Columns.Count > SubmissionParser.MaxColumns)
        {
            throw new PipelineFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {header.Schema.Columns.Count:N0} columns; at most {SubmissionParser.MaxColumns:N0} are allowed"));
        }

        if (header.DataBytes > maxTableBytes)
        {
            throw new ArgumentException(TableSizeLimit.Describe(header.DataBytes, header.Rows, header.Schema.Columns.Count, maxTableBytes));
        }

        return await NpyFile.ReadRecordsAsync(part, header, name, cancellationToken);
    }

    private static JobSubmission Submission(string pipelineText, Table? table)
    {
        var text = pipelineText.Trim();
        if (!text.StartsWith('"'))
        {
            return new JobSubmission(Pipeline.FromJson(text), null, table);
        }

        try
        {
            return new JobSubmission(null, JsonSerializer.Deserialize<string>(text), table);
        }
        catch (JsonException e)
        {
            throw new PipelineFormatException($"pipeline part: a stored pipeline's name must be one JSON string ({e.Message.Split(" Path:")[0]})");
        }
    }
}
