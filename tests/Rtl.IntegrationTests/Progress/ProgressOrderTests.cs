using System.Text.RegularExpressions;
using Rtl.Data;
using Rtl.IntegrationTests.Postgres;
using Rtl.Pipelines;
using Rtl.Silo.Output;
using Xunit;
using Xunit.Abstractions;

namespace Rtl.IntegrationTests.Progress;

/// <summary>
/// What <c>rtl run</c> prints while a job runs on two silos: the seed's lines, in the order the tasks ran, none
/// missing. Stages alternate between the silos, so their progress reaches the client from both.
/// </summary>
public sealed partial class ProgressOrderTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Runs = 50;

    private readonly RtlSilos silos = new();

    public async Task InitializeAsync()
    {
        await silos.StartSiloAsync(o => o.SiloName = "order-a");
        await silos.StartSiloAsync(o => o.SiloName = "order-b");
    }

    public async Task DisposeAsync() => await silos.DisposeAsync();

    [Fact]
    public async Task Progress_lines_of_a_job_on_two_silos_come_in_task_order_and_complete_every_time()
    {
        await using var client = await silos.ConnectAsync();
        var input = Table.Create(("x", Column.Of(0.0, 1, 2, 3)));
        var failures = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            var printed = new StringWriter();
            var result = await ProgressDisplay.RunPlain(printed, progress => client.RunAsync(AlternatingStages, input, progress));
            ResultPrinter.Print(result, printed);

            var lines = Normalised(printed.ToString());
            if (!lines.SequenceEqual(Expected))
            {
                failures.Add($"run {run}:\n  {string.Join("\n  ", lines)}");
            }
        }

        log.WriteLine($"{Runs - failures.Count} of {Runs} runs printed every line in order");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Runs} runs out of order or incomplete:\n{string.Join("\n", failures.Take(3))}");
    }

    private static readonly Pipeline AlternatingStages = Pipeline.Builder()
        .Stage(s => s.On("order-a")
            .Task("add", new { operations = new[] { new { a = "x", b = 1.5, column = "y" } } })
            .Task("filter", new { operations = new[] { new { column = "y", method = "gt", value = 2 } } }))
        .Stage(s => s.On("order-b")
            .Task("multiply", new { operations = new[] { new { a = "y", b = "x", column = "z" } } })
            .Task("filter", new { operations = new[] { new { column = "z", method = "gt", value = 5 } } }))
        .Stage(s => s.On("order-a")
            .Task("subtract", new { operations = new[] { new { a = "z", b = "y", column = "d" } } })
            .Task("square_root", new { operations = new[] { new { a = "d", column = "r" } } }))
        .Stage(s => s.On("order-b")
            .Task("divide", new { operations = new[] { new { a = "r", b = 2, column = "h" } } }))
        .Build();

    /// <summary>The seed's lines for <see cref="AlternatingStages"/>, times and the job id masked.</summary>
    private static readonly string[] Expected =
    [
        "Running: 0 - JOB", "Running: add", "Completed: MS add",
        "Running: filter", "=> Filtered Results: (3,)", "Completed: MS filter",
        "Running: 1 - JOB", "Running: multiply", "Completed: MS multiply",
        "Running: filter", "=> Filtered Results: (2,)", "Completed: MS filter",
        "Running: 2 - JOB", "Running: subtract", "Completed: MS subtract",
        "Running: square_root", "Completed: MS square_root",
        "Running: 3 - JOB", "Running: divide", "Completed: MS divide",
        "Total Elapsed Time: S",
    ];

    /// <summary>Every line up to the total, masked; then any progress line that came too late (after the total).</summary>
    private static string[] Normalised(string printed)
    {
        var lines = printed.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var total = Array.FindIndex(lines, line => line.StartsWith("Total Elapsed Time: ", StringComparison.Ordinal));
        var before = total < 0 ? lines : lines[..(total + 1)];
        var late = total < 0 ? [] : lines[(total + 1)..].Where(line => line.StartsWith("Running: ", StringComparison.Ordinal)
            || line.StartsWith("Completed: ", StringComparison.Ordinal) || line.StartsWith("=> ", StringComparison.Ordinal));
        return before.Concat(late)
            .Select(line => Seconds().Replace(Times().Replace(JobId().Replace(line, "JOB"), "MS"), "S"))
            .ToArray();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex JobId();

    [GeneratedRegex(@"\d+\.\d\d ms")]
    private static partial Regex Times();

    [GeneratedRegex(@"(?<=Total Elapsed Time: )\d+\.\d+")]
    private static partial Regex Seconds();
}
