using System.Diagnostics;
using System.Net.Sockets;
using Rtl.IntegrationTests.Processes;
using Rtl.Silo.Cli;

namespace Rtl.IntegrationTests.Hosts;

/// <summary>
/// One host of a <see cref="ClusterOfHosts"/>: an <c>rtl silo</c> process with its own data dir, files root and
/// address, in a mount namespace where the other hosts' directories are hidden. Its CLI runs in such a namespace too.
/// </summary>
public sealed class Host : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CliBound = TimeSpan.FromMinutes(2);

    private readonly IReadOnlyList<string> hidden;
    private readonly IReadOnlyList<string> clusterArgs;
    private Process? process;

    internal Host(int number, string root, string address, IReadOnlyList<string> hidden, IReadOnlyList<string> clusterArgs)
    {
        (Number, Root, Address, this.hidden, this.clusterArgs) = (number, root, address, hidden, clusterArgs);
        Directory.CreateDirectory(DataDir);
        Directory.CreateDirectory(FilesRoot);
        Http = new HttpClient { BaseAddress = new Uri($"http://{address}:{WebPort}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>1, 2, 3: as the tests and their output name the hosts.</summary>
    public int Number { get; }

    /// <summary>Everything of this host: the data dir, the files root and the silo's log. Hidden from the other hosts.</summary>
    public string Root { get; }

    public string DataDir => Path.Combine(Root, "data");

    public string FilesRoot => Path.Combine(Root, "files");

    public string LogFile => Path.Combine(Root, "silo.log");

    public string Address { get; }

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    public int WebPort { get; } = FreePorts.Next();

    /// <summary>The web app of this host (jobs API, results, plots).</summary>
    public HttpClient Http { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The silo's own pid (the namespace's shell exec'd into it), while it runs.</summary>
    public int? Pid => IsRunning ? process!.Id : null;

    /// <summary>How job records name this silo's stages: <c>S{address}:{port}:{generation}</c>.</summary>
    public bool Ran(string silo) => silo.StartsWith($"S{Address}:{SiloPort}:", StringComparison.Ordinal);

    /// <summary>Starts the silo and returns once its gateway accepts connections and its web app answers.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"host {Number} is already running (pid {Pid})");
        }

        var start = HiddenDirs.StartInfo(FilesRoot, hidden, LogFile,
        [
            "dotnet", RtlProcess.RtlDll, "silo", "--data-dir", DataDir, "--files-root", FilesRoot, "--address", Address,
            "--silo-port", SiloPort.ToString(), "--gateway-port", GatewayPort.ToString(), "--web-port", WebPort.ToString(),
            .. clusterArgs,
        ]);
        start.Environment["RTL_WebAddress"] = Address;
        process?.Dispose();
        process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + StartBound;
        while (!await GatewayAccepts() || !await WebAnswers())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"host {Number}'s silo {(process.HasExited ? $"exited {process.ExitCode}" : $"was not up within {StartBound}")}; its log ends:\n{string.Join('\n', LogTail(0, 30))}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: the silo dies without a word to the cluster, as when a Pi loses power.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>SIGTERM, as systemd stops it; false when the silo had to be killed after 40 s.</summary>
    public async Task<bool> StopAsync()
    {
        if (process is not { HasExited: false } running)
        {
            return true;
        }

        var graceful = await SiloProcesses.Stop(running.Id, TimeSpan.FromSeconds(40));
        await running.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return graceful;
    }

    /// <summary>The real <c>rtl</c> CLI as if typed on this host: its data dir, the cluster's storage, from its files root.</summary>
    public Task<RtlProcess.Outcome> Cli(params string[] args) =>
        RtlProcess.Run(HiddenDirs.StartInfo(FilesRoot, hidden, null, ["dotnet", RtlProcess.RtlDll, .. args, "--data-dir", DataDir, .. clusterArgs]), CliBound);

    /// <summary>The log's length now, to show later only what a test added.</summary>
    public long LogLength => File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;

    public IEnumerable<string> LogTail(long from, int lines)
    {
        if (!File.Exists(LogFile))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        reader.BaseStream.Seek(Math.Min(from, reader.BaseStream.Length), SeekOrigin.Begin);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines).ToArray();
    }

    public override string ToString() => $"host {Number} ({Address}, silo port {SiloPort}, web {WebPort}, pid {Pid?.ToString() ?? "-"})";

    public void Dispose()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            running.WaitForExit(30_000);
        }

        process?.Dispose();
        process = null;
        Http.Dispose();
    }

    private async Task<bool> GatewayAccepts()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Address, GatewayPort).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private async Task<bool> WebAnswers()
    {
        try
        {
            using var response = await Http.GetAsync("/api/jobs?count=1");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
