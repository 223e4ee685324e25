using Rtl.Data;
using Rtl.IntegrationTests.Postgres;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.JobStore;

/// <summary>A durable job's data through its life on a real silo: input until it ends, result and plot until pruned.</summary>
public sealed class JobRetentionTests
{
    private static readonly Pipeline Plotted = Pipeline.Builder()
        .Stage(s => s
            .Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } })
            .Task("simple_plot", new { plots = new Dictionary<string, object> { ["y of x"] = new[] { new { x = "x", y = "y" } } } }))
        .Build();

    [Fact]
    public async Task The_input_goes_when_the_job_ends_and_prune_keeps_only_the_newest_jobs()
    {
        await using var silos = new RtlSilos(o => o.JobRetentionCount = 2);
        await silos.StartSiloAsync();
        var store = Path.Combine(silos.DataDir, "jobs");
        var input = Table.Create(("x", Column.Of(1.0, 2.0, 3.0)));
        var jobs = new List<Guid>();
        await using (var client = await silos.ConnectAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                var job = await client.SubmitAsync(Plotted, input);
                Assert.Equal(JobStatus.Completed, (await client.WaitAsync(job.Id, TimeSpan.FromMinutes(1))).Status);
                jobs.Add(job.Id);
                await Task.Delay(50); // distinct last-written times, oldest first
            }

            foreach (var job in jobs)
            {
                var folder = Path.Combine(store, job.ToString("N"));
                Assert.False(File.Exists(Path.Combine(folder, "input.npy")), $"job {job} kept its input after it ended");
                Assert.True(File.Exists(Path.Combine(folder, "result.npy")));
                Assert.True(File.Exists(Path.Combine(folder, "plots", "y_of_x.png")));
            }
        }

        var pruned = await silos.Rtl("jobs", "prune");

        Assert.True(pruned.ExitCode == 0, pruned.ToString());
        Assert.Contains("Pruned 1 job(s)", pruned.Stdout);
        Assert.False(Directory.Exists(Path.Combine(store, jobs[0].ToString("N"))));
        await using var after = await silos.ConnectAsync();
        Assert.Null(await after.GetJobAsync(jobs[0]));
        Assert.DoesNotContain(jobs[0], (await after.ListJobsAsync()).Select(j => j.Id));
        foreach (var kept in jobs.Skip(1))
        {
            Assert.Equal(JobStatus.Completed, (await after.GetJobAsync(kept))?.Status);
            var result = await after.GetJobResultAsync(kept);
            Assert.Equal([2.0, 3, 4], result!["y"].AsDoubles().ToArray());
        }
    }
}
