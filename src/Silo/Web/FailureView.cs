using Rtl.Jobs;

namespace Rtl.Silo.Web;

/// <summary>
/// An <see cref="RtlError"/> as the JSON API shows it, next to the <c>error</c> sentence: <c>kind</c> in lower case
/// (pipeline, argument, input, data, limit, cluster, internal), the <c>message</c> alone, and where.
/// </summary>
public sealed record FailureView(string Kind, string Message, int? Stage, string? Task, string? Argument)
{
    public static FailureView? Of(RtlError? error) =>
        error is null ? null : new(error.Kind.ToString().ToLowerInvariant(), error.Message, error.Stage, error.Task, error.Argument);

    /// <summary>The body of a refused request: <c>{"error": sentence, "failure": {...}}</c>.</summary>
    public static object Body(RtlError error) => new { error = error.ToString(), failure = Of(error) };
}
