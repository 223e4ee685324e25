using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Rtl.Client;
using Rtl.Data;
using Rtl.IntegrationTests.Postgres;
using Rtl.Pipelines;
using Xunit;
using Rtl.Client.Storage;

namespace Rtl.IntegrationTests.Security;

/// <summary>Two real silos that talk mutual TLS with a shared self-signed certificate (TlsCertificate).</summary>
public sealed class TlsCluster : IAsyncLifetime
{
    private static readonly string Certificates = Directory.CreateTempSubdirectory("rtl-certs-").FullName;

    public string ClusterCertificate { get; } = TestCertificates.WritePfx(Certificates, "rtl-cluster");

    public string OtherCertificate { get; } = TestCertificates.WritePfx(Certificates, "someone-else");

    public RtlSilos Silos { get; }

    public TlsCluster() =>
        Silos = new RtlSilos(o => (o.TlsCertificate, o.TlsCertificatePassword, o.BulkChannel) = (ClusterCertificate, TestCertificates.Password, true));

    public async Task InitializeAsync()
    {
        await Silos.StartSiloAsync();
        await Silos.StartSiloAsync(); // joins the first over TLS, or fails to start
    }

    public async Task DisposeAsync()
    {
        await Silos.DisposeAsync();
        Directory.Delete(Certificates, recursive: true);
    }
}

public sealed class TlsTests(TlsCluster cluster) : IClassFixture<TlsCluster>
{
    private static readonly Pipeline AddOne =
        Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } })).Build();

    [Fact]
    public async Task A_client_with_the_cluster_certificate_runs_jobs()
    {
        await using var client = await RtlClient.ConnectAsync(cluster.Silos.ClientOptions());

        var result = await client.RunAsync(AddOne, Table.Create(("x", Column.Of(41.0))));

        Assert.Equal(42.0, result.Table!["y"].GetDouble(0));
    }

    [Fact]
    public async Task With_tls_there_is_no_bulk_channel_and_a_large_result_arrives_inside_the_tls_connection()
    {
        // Asked for (BulkChannel = true) but refused: the channel is plain TCP, and a TLS cluster's tables must not cross the network in the clear.
        Assert.All(cluster.Silos.Running, silo => Assert.Null(silo.Services.GetService(typeof(Rtl.Messaging.Bulk.BulkChannel))));
        await using var client = await RtlClient.ConnectAsync(cluster.Silos.ClientOptions());
        var x = Enumerable.Range(0, 300_000).Select(i => i * 0.25).ToArray();
        var result = await client.RunAsync(AddOne, Table.Create(("x", Column.Of(x))));
        Assert.Equal(x.Select(v => v + 1), result.Table!["y"].AsDoubles().ToArray());
    }

    [Fact]
    public async Task A_client_without_tls_is_refused()
    {
        var options = cluster.Silos.ClientOptions();
        (options.TlsCertificate, options.ConnectTimeout) = (null, TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<RtlConnectionException>(() => RtlClient.ConnectAsync(options));
    }

    [Fact]
    public async Task A_client_with_another_certificate_is_refused()
    {
        var options = cluster.Silos.ClientOptions();
        (options.TlsCertificate, options.ConnectTimeout) = (cluster.OtherCertificate, TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<RtlConnectionException>(() => RtlClient.ConnectAsync(options));
    }

    [Fact]
    public async Task A_tls_client_presenting_no_certificate_is_refused()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseRtlSqliteClustering(Path.Combine(cluster.Silos.DataDir, "rtl.db"))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.Silos.ClusterId, "rtl"))
            .UseTls(tls =>
            {
                tls.AllowAnyRemoteCertificate(); // trusts the silo, but has nothing to show it
                tls.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
            })
            .UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
        using var host = builder.Build();

        await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_cli_reads_the_certificate_from_the_data_dir_settings_and_is_refused_with_another()
    {
        File.WriteAllText(Path.Combine(cluster.Silos.DataDir, "appsettings.json"),
            $$"""{"TlsCertificate": "{{cluster.ClusterCertificate}}", "TlsCertificatePassword": "{{TestCertificates.Password}}"}""");
        File.WriteAllText(Path.Combine(cluster.Silos.Files, "add.json"), AddOne.ToJson());
        File.WriteAllText(Path.Combine(cluster.Silos.Files, "x.csv"), "x\n1\n");

        var accepted = await cluster.Silos.Rtl("run", "add.json", "--input", "x.csv");
        var refused = await cluster.Silos.Rtl("status", "--tls-certificate", cluster.OtherCertificate);

        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("Total Elapsed Time", accepted.Stdout);
        Assert.True(refused.ExitCode != 0, refused.ToString());
    }
}
