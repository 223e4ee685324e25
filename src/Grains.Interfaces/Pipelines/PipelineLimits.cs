using System.Globalization;
using Rtl.Jobs;

namespace Rtl.Pipelines;

/// <summary>
/// How big a pipeline may be: far above any real one (the seed's dev.py has 2 stages and 11 tasks), low enough that a
/// pipeline can never cost the silo more than a few MB to read, store in its job record or show on the jobs page.
/// </summary>
public static class PipelineLimits
{
    public const int MaxStages = 1_000;

    public const int MaxTasks = 10_000;

    /// <summary>The pipeline's JSON text, in bytes (UTF-8) or characters.</summary>
    public const int MaxJsonBytes = 1 << 20;

    public static void CheckStages(int stages)
    {
        if (stages > MaxStages)
        {
            throw new PipelineFormatException(new RtlError(RtlErrorKind.Limit, Text($"the pipeline has {stages:N0} stages; at most {MaxStages:N0} are allowed")));
        }
    }

    public static void CheckTasks(int tasks)
    {
        if (tasks > MaxTasks)
        {
            throw new PipelineFormatException(new RtlError(RtlErrorKind.Limit, Text($"the pipeline has {tasks:N0} tasks; at most {MaxTasks:N0} are allowed")));
        }
    }

    public static void CheckJson(long length)
    {
        if (length > MaxJsonBytes)
        {
            throw new PipelineTooLargeException(Text($"the pipeline is over {MaxJsonBytes:N0} bytes of JSON (1 MiB), the most a pipeline may be"));
        }
    }

    /// <summary>Checks a pipeline built in code, as <see cref="Pipeline.FromJson"/> checks one it reads.</summary>
    public static void Check(Pipeline pipeline)
    {
        CheckStages(pipeline.Stages.Count);
        CheckTasks(pipeline.Stages.Sum(s => s.Tasks.Count));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
