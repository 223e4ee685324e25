using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Rtl.Client.Storage;
using Rtl.Data;
using Rtl.Jobs;
using Rtl.Messaging;
using Rtl.Pipelines;
using Rtl.Client.Security;

namespace Rtl.Client;

/// <summary>
/// The client SDK: connect to a cluster, run pipelines (inline or by name), submit durable jobs.
/// Every call has a timeout and fails with an <see cref="RtlConnectionException"/> or
/// <see cref="RtlJobException"/> that says what went wrong.
/// </summary>
public sealed partial class RtlClient : IAsyncDisposable
{
    private readonly IClusterClient cluster;
    private readonly IHost? ownedHost;
    private readonly TimeSpan timeout;
    private readonly GatewayLossSignal? gatewayLoss;

    // One reference for every run: GetGrain resolves the interface's type name on each call.
    private readonly IPipelineGrain pipelines;

    /// <summary>How long a run's progress events still on their way are waited for before the result fills them in.</summary>
    private static readonly TimeSpan ProgressGrace = TimeSpan.FromSeconds(2);

    private RtlClient(IClusterClient cluster, IHost? ownedHost, TimeSpan timeout, GatewayLossSignal? gatewayLoss = null)
    {
        this.gatewayLoss = gatewayLoss;
        this.cluster = cluster;
        this.ownedHost = ownedHost;
        this.timeout = timeout;
        pipelines = cluster.GetGrain<IPipelineGrain>(IPipelineGrain.Local);
    }

    /// <summary>Wraps a cluster client the caller already has (e.g. a silo's own, for embedded runs).</summary>
    public static RtlClient FromClusterClient(IClusterClient cluster, TimeSpan? timeout = null) =>
        new(cluster, null, timeout ?? TimeSpan.FromMinutes(10));

    public static async Task<RtlClient> ConnectAsync(RtlClientOptions options, CancellationToken cancellationToken = default)
    {
        var postgres = StorageKind.IsPostgres(options.Storage, options.ConnectionString);
        if (options.Gateways.Count == 0 && !postgres && !File.Exists(options.DatabasePath))
        {
            throw new RtlConnectionException(NoCluster(options));
        }

        if (options.Gateways.Count == 0 && await ClusterProbe.WhyNone(options, cancellationToken) is { } none)
        {
            throw new RtlConnectionException($"{NoCluster(options)} ({none})");
        }

        var gatewayLoss = new GatewayLossSignal();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            if (options.Gateways.Count > 0)
            {
                client.UseStaticClustering(options.Gateways.ToArray());
            }
            else if (postgres)
            {
                client.UseRtlPostgresClustering(options.ConnectionString!);
            }
            else
            {
                client.UseRtlSqliteClustering(options.DatabasePath);
            }

            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            if (options.TlsCertificate is { Length: > 0 } certificate)
            {
                client.UseRtlTls(certificate, options.TlsCertificatePassword);
            }

            // Results can be large tables: the silos enforce the cluster's size limits, not the client.
            client.Configure<ClientMessagingOptions>(o => (o.ResponseTimeout, o.MaxMessageBodySize) = (options.Timeout, int.MaxValue));
            var deadline = DateTime.UtcNow + options.ConnectTimeout;
            client.AddClusterConnectionStatusObserver(gatewayLoss);
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                await Task.Delay(500, token);
                return true;
            });
        });

        // 64 KB network buffers instead of Orleans' 4 KB ones: a 24 MB result in ~400 recv calls, not ~6,000.
        WireBufferPool.Install(builder.Services);
        if (ClientBulkChannel.Wanted(options))
        {
            ClientBulkChannel.Add(builder.Services);
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).WaitAsync(options.ConnectTimeout + TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new RtlConnectionException($"{NoCluster(options)} ({e.Message})", e);
        }

        return new RtlClient(host.Services.GetRequiredService<IClusterClient>(), host, options.Timeout, gatewayLoss);
    }

    /// <summary>The underlying Orleans client, for apps that talk to grains directly.</summary>
    public IClusterClient Cluster => cluster;

    /// <summary>Runs a pipeline on <paramref name="input"/> (or on no table) and returns the result; throws <see cref="RtlJobException"/> when it fails.</summary>
    public Task<JobResult> RunAsync(Pipeline pipeline, Table? input = null, CancellationToken cancellationToken = default) =>
        RunAsync(pipeline, input, null, cancellationToken);

    public Task<JobResult> RunAsync(Pipeline pipeline, Table? input, JobProgress? progress, CancellationToken cancellationToken = default) =>
        Observe(progress, observer => pipelines.Run(Guid.NewGuid(), pipeline, input, observer), cancellationToken);

    /// <summary>Runs a stored pipeline by name, without resending its definition.</summary>
    public Task<JobResult> RunAsync(string pipelineName, Table? input = null, JobProgress? progress = null, CancellationToken cancellationToken = default) =>
        Observe(progress, observer => pipelines.RunNamed(Guid.NewGuid(), pipelineName, input, observer), cancellationToken);

    /// <summary>
    /// Runs a job, again under a new id if the silo running it dies: tasks are pure, so a re-run gives the
    /// same result.
    /// </summary>
    private async Task<JobResult> Observe(JobProgress? progress, Func<IJobObserver?, Task<JobResult>> run, CancellationToken cancellationToken)
    {
        var ordered = progress is null ? null : new OrderedProgress(progress);
        var observer = ordered is null ? null : cluster.CreateObjectReference<IJobObserver>(ordered);
        try
        {
            var result = await Call(SiloLoss.Retry(_ => UnlessGatewayLost(run(observer))), cancellationToken);
            // The observer stays registered until the job's last events are in: deleting it first loses them.
            if (ordered is not null)
            {
                await ordered.Finish(result, ProgressGrace, cancellationToken);
            }

            return result.Succeeded ? result : throw new RtlJobException(result);
        }
        finally
        {
            if (observer is not null)
            {
                cluster.DeleteObjectReference<IJobObserver>(observer);
            }
        }
    }

    /// <summary>The call, or a silo-loss error if a gateway dies while it is in flight (its answer may never come).</summary>
    private async Task<T> UnlessGatewayLost<T>(Task<T> call)
    {
        if (gatewayLoss is null)
        {
            return await call;
        }

        var lost = gatewayLoss.Token;
        try
        {
            return await call.WaitAsync(lost);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            throw new SiloUnavailableException("a gateway was lost while the job was in flight; running it again");
        }
    }

    /// <summary>An idempotent call, sent again while it fails because a silo was lost (until the cluster votes it out).</summary>
    private Task<T> Retried<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        Call(SiloLoss.Retry(_ => call()), cancellationToken);

    private async Task<T> Call<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new RtlConnectionException($"the cluster did not answer within {timeout.TotalSeconds:0} s", e);
        }
        catch (Exception e) when (SiloLoss.Is(e))
        {
            throw new RtlConnectionException($"the silo running the call went away: {e.Message}", e);
        }
    }

    private static string NoCluster(RtlClientOptions options) =>
        options.Gateways.Count > 0
            ? $"cannot reach the gateways {string.Join(", ", options.Gateways)}"
            : StorageKind.IsPostgres(options.Storage, options.ConnectionString)
            ? $"no Rtl silo of cluster '{options.ClusterId}' is running on {StorageKind.DescribePostgres(options.ConnectionString!)}: start one with `rtl start --storage postgres --connection-string …`"
            : $"no Rtl silo is running for data dir {options.DataDir}: start one with `rtl start --data-dir {options.DataDir}` (or run with --embedded)";

    public async ValueTask DisposeAsync()
    {
        if (ownedHost is not null)
        {
            try
            {
                await ownedHost.StopAsync(TimeSpan.FromSeconds(5));
            }
            finally
            {
                ownedHost.Dispose();
            }
        }

        gatewayLoss?.Dispose();
    }
}
