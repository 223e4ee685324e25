using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Hosting;

/// <summary>How a failure is worded: always with the stage, task and argument it happened at.</summary>
public static class ErrorText
{
    /// <summary>The part a kernel knows: the argument path (if any) and the message.</summary>
    public static string Detail(Exception error) => error switch
    {
        TaskArgumentException argument => argument.Located,
        System.Text.Json.JsonException json => $"malformed arguments: {json.Message}",
        IOException or UnauthorizedAccessException or InvalidDataException or FormatException
            or ArgumentException or NotSupportedException or InvalidOperationException => error.Message,
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    public static string At(int stage, TaskCall call, string detail, bool isArgument) =>
        isArgument
            ? $"stage {stage}, task '{call.WrittenAs}', {detail}"
            : $"stage {stage}, task '{call.WrittenAs}': {detail}";
}
