namespace Rtl.Grains.Hosting;

/// <summary>
/// Every setting of a silo, bound from <c>appsettings.json</c>, <c>RTL__*</c> environment variables and
/// command-line flags. The README maps the seed's settings onto these.
/// </summary>
public sealed class RtlOptions
{
    public const string Section = "Rtl";

    /// <summary>Holds <c>rtl.db</c>, logs, PID files, plots and job results. Default <c>~/.rtl</c>.</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    /// <summary>Where task file paths resolve; default <c>&lt;data dir&gt;/files</c> (<see cref="FilesRoots"/> says what it may be).</summary>
    public string? FilesRoot { get; set; }

    /// <summary>Accepts <c>/</c>, the home directory or a folder above it as the files root (refused otherwise).</summary>
    public bool ForceFilesRoot { get; set; }

    /// <summary>Silos with the same cluster id and database form one cluster.</summary>
    public string ClusterId { get; set; } = "rtl";

    /// <summary>Keys grain storage (named pipelines, jobs); shared by every cluster on the database.</summary>
    public string ServiceId { get; set; } = "rtl";

    /// <summary>This silo's name, as a stage's <c>"on"</c> and job records name it; default the machine's host name.</summary>
    public string? SiloName { get; set; }

    public string ResolvedSiloName => SiloName is { Length: > 0 } name ? name : Environment.MachineName;

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public int WebPort { get; set; } = 8080;

    /// <summary>True while <see cref="WebPort"/> is the default: a taken one moves on to the next free port. A port given by flag or config is refused when taken.</summary>
    public bool WebPortMayMove { get; set; } = true;

    /// <summary>
    /// The bulk channel: tables of <see cref="BulkMinBytes"/> or more leave this silo on a connection of its own
    /// instead of inside Orleans messages. Never with TLS (<see cref="TlsCertificate"/>): the channel is plain TCP.
    /// On by default: it halves the time a large table takes between processes (README, "Bulk channel").
    /// </summary>
    public bool BulkChannel { get; set; } = true;

    /// <summary>The bulk channel's port; 0 (default) picks any free port, which each table's ticket names.</summary>
    public int BulkPort { get; set; }

    /// <summary>Tables smaller than this stay inline in their Orleans message. Default 1 MiB.</summary>
    public long BulkMinBytes { get; set; } = 1 << 20;

    /// <summary>The address the web app listens on; default loopback (beyond it, set <see cref="WebApiKey"/>).</summary>
    public string? WebAddress { get; set; }

    /// <summary>
    /// When set, every web request (pages, <c>/api/*</c>, plots, results, the dashboard) needs this key: an
    /// <c>Authorization: Bearer</c> header or the cookie <c>/login?key=…</c> sets. Config or <c>RTL_WebApiKey</c> only (no flag).
    /// </summary>
    public string? WebApiKey { get; set; }

    /// <summary>The address other silos and clients reach this one at; default loopback.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The seed's TASK_WORKERS: kernels running at once on this silo.</summary>
    public int MaxConcurrentKernels { get; set; } = Environment.ProcessorCount;

    /// <summary>The seed's CHUNKING: split big row-local stages across silos.</summary>
    public bool Chunking { get; set; }

    /// <summary>The seed's CHUNKING_SIZE, in rows.</summary>
    public int ChunkRows { get; set; } = 1_000_000;

    /// <summary>How long one job may take before its caller gets a timeout error.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many times a durable job is started at most: each start is recorded before it runs, so a job whose run
    /// takes its silo down counts every crash and fails after this many, instead of coming back on every start.
    /// </summary>
    public int JobMaxAttempts { get; set; } = 3;

    /// <summary>How long a finished job's result and plots are kept (and its record); pruned in the background.</summary>
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many jobs are kept: the oldest beyond it are pruned first, whatever <see cref="JobRetention"/> says.</summary>
    public int JobRetentionCount { get; set; } = 10_000;

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c>. It asks every silo for its statistics each second; off
    /// (<c>--no-dashboard</c>) a small machine saves that idle CPU and some memory and start-up time.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>The seed's DEBUG: verbose logging.</summary>
    public bool Debug { get; set; }

    /// <summary>The seed's PROFILE: log every task's timing.</summary>
    public bool Profile { get; set; }

    /// <summary>Where membership and grain state live: <c>sqlite</c> (the data dir's <c>rtl.db</c>) or <c>postgres</c>.</summary>
    public string Storage { get; set; } = "sqlite";

    /// <summary>The PostgreSQL connection string when <see cref="Storage"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>A .pfx every silo and client of the cluster shares; when set, all cluster traffic is mutual TLS.</summary>
    public string? TlsCertificate { get; set; }

    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// The memory this process may use: the machine's, or its cgroup's limit (a container, a systemd <c>MemoryMax</c>),
    /// as the GC sees it. The limits below default to fractions of it, so a Pi gets limits a Pi can hold (they are
    /// declared after it because static initialisers run in order).
    /// </summary>
    public static long AvailableMemory { get; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The largest input table a job may be submitted with; bigger ones are refused before they run. Default <see cref="DefaultMaxTableBytes"/>.</summary>
    public long MaxTableBytes { get; set; } = DefaultMaxTableBytes;

    /// <summary>
    /// An eighth of <see cref="AvailableMemory"/>, between 16 MiB and 1 GiB: 64 MiB on a 512 MB Pi Zero 2 W, 128 MiB on
    /// a 1 GB Pi 3, 1 GiB from 8 GB up. A silo holds a job's input, its result and what the tasks allocate at once.
    /// </summary>
    public static long DefaultMaxTableBytes { get; } = MaxTableBytesFor(AvailableMemory);

    public static long MaxTableBytesFor(long memory) => Math.Clamp(memory / 8, 16L << 20, 1L << 30);

    /// <summary>
    /// The most memory one job's plan may need on this silo — the tables it holds and what its tasks allocate, as
    /// the tasks bound them from their arguments before anything runs; a job over it is refused. Default
    /// <see cref="DefaultMemoryBudget"/>.
    /// </summary>
    public long? MemoryBudget { get; set; }

    public long ResolvedMemoryBudget => MemoryBudget ?? DefaultMemoryBudget;

    /// <summary>
    /// Half of <see cref="AvailableMemory"/>. The other half is the runtime's, the cluster's and other jobs'.
    /// </summary>
    public static long DefaultMemoryBudget { get; } = AvailableMemory / 2;

    /// <summary>The only folder plugin tasks are loaded from; default <c>&lt;data dir&gt;/plugins</c>.</summary>
    public string? PluginsDir { get; set; }

    public string DatabasePath => Path.Combine(DataDir, "rtl.db");

    public string ResolvedPluginsDir => Path.GetFullPath(PluginsDir ?? Path.Combine(DataDir, "plugins"));

    public string ResolvedFilesRoot => Path.GetFullPath(FilesRoot ?? FilesRoots.DefaultFor(DataDir));

    public static string DefaultDataDir =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rtl");
}
