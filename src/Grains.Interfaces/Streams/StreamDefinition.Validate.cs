using System.Globalization;
using Rtl.Pipelines;

namespace Rtl.Streams;

public sealed partial record StreamDefinition
{
    public const int MaxNameLength = 64;

    /// <summary>Throws <see cref="StreamDefinitionException"/> naming the first argument that cannot work; the pipeline JSON must parse.</summary>
    public void Validate()
    {
        CheckName(Name);
        if (Window is < 1 or > MaxWindow)
        {
            throw new StreamDefinitionException("--window", $"a window is 1 to {MaxWindow:N0} rows (got {Window.ToString(CultureInfo.InvariantCulture)})");
        }

        if (EverySeconds is { } every && (!double.IsFinite(every) || every is < 0.01 or > 86_400))
        {
            throw new StreamDefinitionException("--every", $"windows close every 0.01 to 86,400 seconds (got {every.ToString(CultureInfo.InvariantCulture)})");
        }

        if (BufferRows < Window || BufferRows > 4 * MaxWindow)
        {
            throw new StreamDefinitionException("--buffer", $"the buffer holds from one window ({Window:N0} rows) to {4 * MaxWindow:N0} rows (got {BufferRows:N0})");
        }

        _ = ParseSource();
        foreach (var sink in Sinks)
        {
            _ = StreamEndpoint.ParseSink(sink);
        }

        if (string.IsNullOrWhiteSpace(Pipeline))
        {
            throw new StreamDefinitionException("pipeline", "give a pipeline: its JSON or a stored pipeline's name");
        }

        if (PipelineIsJson)
        {
            try
            {
                _ = Pipelines.Pipeline.FromJson(Pipeline);
            }
            catch (PipelineFormatException e)
            {
                throw new StreamDefinitionException("pipeline", e.Message);
            }
        }
    }

    /// <summary>A name that is safe in a URL, a topic and a file name: letters, digits, '-', '_', '.', at most 64.</summary>
    public static void CheckName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name[0] == '.')
        {
            throw new StreamDefinitionException("name", $"'{name}' is not a stream name: use 1 to {MaxNameLength} letters, digits, '-', '_' or '.', not starting with '.'");
        }
    }
}
