using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rtl.Client;
using Rtl.IntegrationTests.Postgres;
using Rtl.Jobs;
using Rtl.Pipelines;
using Xunit;

namespace Rtl.IntegrationTests.Cluster;

/// <summary>
/// Stages pinned with <c>"on"</c> to the silo whose disk holds their data: two real silos with names and files
/// roots of their own, a file that only one of them has.
/// </summary>
public sealed class PinnedStageTests : IAsyncLifetime
{
    private readonly RtlSilos silos = new(o => o.JobTimeout = TimeSpan.FromSeconds(20));
    private readonly string filesOfB = Directory.CreateTempSubdirectory("rtl-pinned-b-").FullName;
    private IHost b = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(filesOfB, "sensor.csv"), "t,reading\n1,20.5\n2,21.0\n");
        await silos.StartSiloAsync(o => o.SiloName = "pin-a");
        b = await silos.StartSiloAsync(o => (o.SiloName, o.FilesRoot) = ("pin-b", filesOfB));
    }

    public async Task DisposeAsync()
    {
        await silos.DisposeAsync();
        Directory.Delete(filesOfB, recursive: true);
    }

    [Fact]
    public async Task A_stage_pinned_by_name_or_address_reads_the_file_only_its_silo_has()
    {
        await using var client = await silos.ConnectAsync();
        var bAddress = b.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        foreach (var on in new[] { "pin-b", "PIN-B", bAddress.Endpoint.ToString() })
        {
            var result = await client.RunAsync(Reading(on));

            Assert.Equal([21.5, 22.0], result.Table!["plus"].AsDoubles().ToArray());
            Assert.Equal(bAddress.ToString(), result.Stages[0].Silo);
        }
    }

    [Fact]
    public async Task Pinned_to_the_silo_without_the_file_the_job_fails_naming_the_file_and_that_silo()
    {
        await using var client = await silos.ConnectAsync();

        var error = await Assert.ThrowsAsync<RtlJobException>(() => client.RunAsync(Reading("pin-a")));

        Assert.Contains("stage 0, task 'open', file: file not found on silo 'pin-a'", error.Message);
        Assert.Contains("sensor.csv", error.Message);
    }

    [Fact]
    public async Task A_direct_run_pinned_to_a_silo_not_in_the_cluster_fails_at_once_naming_the_active_ones()
    {
        await using var client = await silos.ConnectAsync();

        var error = await Assert.ThrowsAsync<PinnedSiloUnavailableException>(() => client.RunAsync(Reading("pi-9")));

        Assert.Equal("pi-9", error.On);
        Assert.StartsWith("stage 0 must run on 'pi-9', which is not in the cluster (active silos: ", error.Message);
        Assert.Contains("pin-a ", error.Message);
        Assert.Contains("pin-b ", error.Message);
    }

    [Fact]
    public async Task A_durable_job_waits_for_its_silo_runs_when_it_joins_and_fails_after_JobTimeout_if_none_does()
    {
        await using var client = await silos.ConnectAsync();
        var late = await client.SubmitAsync(Pipeline.Builder().Stage(s => s.On("pin-late").Task("null")).Build(), Rtl.Data.Table.Create(("x", Rtl.Data.Column.Of(1.0))));
        var never = await client.SubmitAsync(Pipeline.Builder().Stage(s => s.On("pin-never").Task("null")).Build());

        var waiting = await WaitFor(client, late.Id, r => r.WaitingFor is not null);
        Assert.Equal(JobStatus.Running, waiting.Status);
        Assert.Contains("silo 'pin-late' (stage 0)", waiting.WaitingFor);
        var joined = await silos.StartSiloAsync(o => o.SiloName = "pin-late");

        var done = await client.WaitAsync(late.Id, TimeSpan.FromMinutes(1));
        Assert.True(done.Status == JobStatus.Completed, $"{done.Status}: {done.Error}");
        Assert.Equal(joined.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString(), done.Stages[0].Silo);
        Assert.Null(done.WaitingFor);
        var gaveUp = await client.WaitAsync(never.Id, TimeSpan.FromMinutes(1));
        Assert.Equal(JobStatus.Failed, gaveUp.Status);
        Assert.Contains("must run on 'pin-never', which is not in the cluster", gaveUp.Error);
        Assert.Contains("gave up after waiting 00:00:20 (JobTimeout)", gaveUp.Error);
    }

    private static Pipeline Reading(string on) => Pipeline.Builder()
        .Stage(s => s.On(on).Task("open", new { path = ".", file = "sensor.csv", header = true }))
        .Stage(s => s.Task("add", new { operations = new[] { new { a = "reading", b = 1, column = "plus" } } }))
        .Build();

    private static async Task<JobRecord> WaitFor(RtlClient client, Guid job, Func<JobRecord, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var record = await client.GetJobAsync(job);
            if (record is not null && condition(record))
            {
                return record;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {job} never got there: {record?.Status} waiting for {record?.WaitingFor ?? "nothing"}");
            await Task.Delay(200);
        }
    }
}
