using Rtl.Client;
using Rtl.Data;
using Rtl.Grains.Formats;
using Rtl.Grains.Hosting;
using Rtl.Jobs;
using Rtl.Pipelines;
using Rtl.Silo.Hosting;
using Rtl.Silo.Web;

namespace Rtl.Silo.Demo;

/// <summary>
/// The demo's pieces, shared by <c>rtl demo</c> and the browser test: write the data set, start a silo
/// (with its web app) on the demo's own database, submit dev.py as a durable job and wait for it.
/// </summary>
public static class DemoRun
{
    /// <summary>The demo keeps to <c>&lt;data dir&gt;/demo</c>: its database, plots and results, and its data in the default files root there.</summary>
    public static RtlOptions Options(RtlOptions from) => new()
    {
        DataDir = Path.Combine(from.DataDir, "demo"),
        ClusterId = $"demo-{Guid.NewGuid():N}",
        SiloPort = FreePort.Any(),
        GatewayPort = FreePort.Any(),
        WebPort = from.WebPort,
        WebPortMayMove = from.WebPortMayMove,
        WebAddress = from.WebAddress,
        Debug = from.Debug,
        Dashboard = from.Dashboard,
    };

    /// <summary>Writes the synthetic metrics as <c>raw_data/output27Numeric.dat</c> + <c>.meta</c>; returns the .dat path.</summary>
    public static string WriteData(RtlOptions demo, out Table table)
    {
        table = SparkMetrics.Generate();
        var file = Path.Combine(demo.ResolvedFilesRoot, DemoPipeline.Folder, DemoPipeline.FileName + ".dat");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        TableFiles.Write(file, table);
        return file;
    }

    public static async Task<IHost> StartSilo(RtlOptions demo)
    {
        // Errors only: the scheduler warns about kernels over 1 s, and plotting thousands of points can be one.
        return await SiloHost.StartAsync(demo, Microsoft.Extensions.Logging.LogLevel.Error);
    }

    public static string WebUrl(IHost silo) => WebHosting.Url(silo.Services) ?? throw new InvalidOperationException("the web app is not listening");

    /// <summary>Submits dev.py as a durable job (so the jobs page lists it) and waits for its record to finish.</summary>
    public static async Task<JobResult> Run(IHost silo, JobProgress? progress, TimeSpan within)
    {
        var cluster = silo.Services.GetRequiredService<IClusterClient>();
        var job = cluster.GetGrain<IJobGrain>(Guid.NewGuid());
        var json = Pipeline.FromJson(DemoPipeline.Json).ToJson();
        var ordered = progress is null ? null : new OrderedProgress(progress);
        var observer = ordered is null ? null : cluster.CreateObjectReference<IJobObserver>(ordered);
        try
        {
            var record = observer is null ? await job.Submit(json, "dev.py", null) : await job.SubmitObserved(json, "dev.py", null, observer);
            var deadline = DateTime.UtcNow + within;
            while (record.Status is JobStatus.Queued or JobStatus.Running)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the demo job {record.Id} did not finish within {within.TotalSeconds:0} s");
                }

                await Task.Delay(50);
                record = await job.Get() ?? throw new InvalidOperationException($"the demo job {record.Id} has no record");
            }

            var table = record.Status == JobStatus.Completed ? await job.Result() : null;
            var result = new JobResult(record.Id, table, record.Stages, record.Milliseconds, record.Failure);
            if (ordered is not null)
            {
                await ordered.Finish(result, TimeSpan.FromSeconds(2));
            }

            return result;
        }
        finally
        {
            if (observer is not null)
            {
                cluster.DeleteObjectReference<IJobObserver>(observer);
            }
        }
    }
}
