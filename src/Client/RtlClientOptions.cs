using System.Net;

namespace Rtl.Client;

/// <summary>How to reach a cluster: through a data directory's SQLite file (one host), a PostgreSQL database (many hosts) or a gateway list.</summary>
public sealed class RtlClientOptions
{
    /// <summary>The data directory whose <c>rtl.db</c> lists the gateways; default <c>~/.rtl</c>.</summary>
    public string DataDir { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rtl");

    /// <summary>Gateways to use instead of the data directory's database.</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; set; } = [];

    public string ClusterId { get; set; } = "rtl";

    public string ServiceId { get; set; } = "rtl";

    /// <summary>How long one call (a whole job for <c>RunAsync</c>) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long connecting may take before it fails with a clear error.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary><c>sqlite</c> (the data dir's <c>rtl.db</c>) or <c>postgres</c> (<see cref="ConnectionString"/>), as the silos use.</summary>
    public string Storage { get; set; } = "sqlite";

    /// <summary>The cluster's PostgreSQL database, when <see cref="Storage"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The cluster's .pfx when its silos use TLS; without it such a cluster refuses the client.</summary>
    public string? TlsCertificate { get; set; }

    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// Large input tables (1 MiB or more) go to a silo on this process's own loopback bulk channel instead of inside
    /// the gateway's messages (about twice as fast), when every silo is on this host: the SQLite data dir, or only
    /// loopback gateways. Never with TLS or PostgreSQL. Default on.
    /// </summary>
    public bool BulkChannel { get; set; } = true;

    public string DatabasePath => Path.Combine(DataDir, "rtl.db");
}
