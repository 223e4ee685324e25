using Rtl.Data;

namespace Rtl.Silo.Demo;

/// <summary>
/// A synthetic stand-in for the seed's <c>dsdsl/dev.py</c> input (<c>output27Numeric</c>): Spark job metrics,
/// one row per stage run, 27 numeric columns, names turned into numeric codes. Seeded, so every run writes
/// the same table; shaped so dev.py's filter (appName 0, stageName 22, jobId &gt; 1500, totalRunTime &lt; 1000)
/// keeps a couple of thousand rows spread over a dozen output datasets.
/// </summary>
public static class SparkMetrics
{
    public const int Rows = 51_461;
    public const int Seed = 2018;

    public static readonly string[] Columns =
    [
        "appName", "stageName", "jobId", "stageId", "attemptId", "numTasks", "totalRunTime", "executorRunTime",
        "executorCpuTime", "executorDeserializeTime", "jvmGcTime", "resultSerializationTime", "inputBytesRead",
        "inputRecordsRead", "outputBytesWritten", "outputRecordsWritten", "shuffleLocalBytesRead",
        "shuffleRemoteBytesRead", "shuffleRecordsRead", "shuffleBytesWritten", "shuffleRecordsWritten",
        "memoryBytesSpilled", "diskBytesSpilled", "peakExecutionMemory", "outputDatasetRids", "submissionTime",
        "completionTime",
    ];

    public static Table Generate()
    {
        var random = new Random(Seed);
        var data = Columns.ToDictionary(c => c, _ => new long[Rows]);
        var clock = 1_530_000_000_000L; // mid-2018, in ms
        for (var row = 0; row < Rows; row++)
        {
            var app = random.NextDouble() < 0.35 ? 0 : random.Next(1, 12);
            var stage = app == 0 && random.NextDouble() < 0.3 ? 22 : random.Next(0, 40);
            var dataset = Dataset(random, stage);
            var jobId = (long)row * 3000 / Rows + random.Next(0, 5);
            var tasks = (long)Math.Clamp(Math.Exp(Normal(random, 2.5, 1.1)), 1, 400);
            // Run time grows slowly with the job id (the data grows) and depends on the dataset written.
            var runTime = (long)Math.Exp(Normal(random, 5.8 + dataset * 0.04 + jobId / 6000.0, 0.6));
            var input = (long)(Math.Exp(Normal(random, 16, 1.2)) * Math.Sqrt(tasks));
            var local = (long)(input * random.NextDouble() * 0.3);
            var remote = (long)(input * random.NextDouble() * 0.6);
            var submitted = clock += random.Next(50, 2_000);
            Set(data, row, app, stage, jobId, random.Next(0, 8), random.Next(0, 2), tasks, runTime, (long)(runTime * 0.9),
                (long)(runTime * 0.7), random.Next(1, 40), (long)(runTime * random.NextDouble() * 0.1), random.Next(0, 5),
                input, input / random.Next(80, 200), (long)(input * random.NextDouble()), input / random.Next(100, 300),
                local, remote, (local + remote) / random.Next(80, 200), (long)(input * random.NextDouble() * 0.5),
                input / random.Next(200, 400), random.NextDouble() < 0.1 ? input / 4 : 0, random.NextDouble() < 0.05 ? input / 8 : 0,
                (long)(input * (0.5 + random.NextDouble())), dataset, submitted, submitted + runTime);
        }

        return Table.Create(Columns.Select(c => (c, (Column)Column.Of(data[c]))).ToArray());
    }

    /// <summary>Each stage mostly writes one of a few datasets; the filtered stage spreads over a dozen.</summary>
    private static long Dataset(Random random, int stage) =>
        stage == 22 ? (long)Math.Min(15, Math.Floor(Math.Abs(Normal(random, 0, 5)))) : (stage * 7 + random.Next(0, 3)) % 40;

    private static double Normal(Random random, double mean, double deviation)
    {
        // Box–Muller: two uniforms make one normal sample.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return mean + deviation * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    private static void Set(Dictionary<string, long[]> data, int row, params long[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            data[Columns[i]][row] = values[i];
        }
    }
}
