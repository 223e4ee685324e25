using Rtl.Grains.Formats;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Tasks;

namespace Rtl.Grains.Hosting;

/// <summary>A task's failure as an error record: always with the stage, task and argument it happened at.</summary>
public static class TaskFailures
{
    /// <summary>The part a kernel knows: the kind, the argument path (if any) and the message.</summary>
    public static RtlError Of(Exception error) => error switch
    {
        TaskArgumentException argument =>
            new(RtlErrorKind.Argument, argument.Message, Argument: argument.Argument is { Length: > 0 } path ? path : null),
        System.Text.Json.JsonException json => new(RtlErrorKind.Argument, $"malformed arguments: {json.Message}"),
        IOException or UnauthorizedAccessException or InvalidDataException or FormatException or FileFormatException =>
            new(RtlErrorKind.Input, error.Message),
        ArgumentException or NotSupportedException or InvalidOperationException => new(RtlErrorKind.Data, error.Message),
        _ => new(RtlErrorKind.Internal, $"{error.GetType().Name}: {error.Message}"),
    };

    /// <summary><paramref name="error"/> placed at <paramref name="call"/> of stage <paramref name="stage"/>.</summary>
    public static RtlError At(this RtlError error, int stage, TaskCall call) => error with { Stage = stage, Task = call.WrittenAs };
}
