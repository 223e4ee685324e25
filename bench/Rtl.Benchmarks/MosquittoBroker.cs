using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Rtl.Benchmarks;

/// <summary>
/// A real MQTT broker (Debian's mosquitto) on a loopback port with a temp config, killed on dispose: bench G's
/// broker, and the stream tests' (linked into Rtl.IntegrationTests, which hand it a port of their own range). It can
/// be stopped and started again on the same port, as a broker that goes down and comes back.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string Binary = "/usr/sbin/mosquitto";

    private readonly string config = Path.GetTempFileName();
    private Process? process;

    private MosquittoBroker(int port)
    {
        Port = port;
        File.WriteAllText(config, $"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1\nallow_anonymous true\n");
    }

    public int Port { get; }

    public int ProcessId => process?.Id ?? 0;

    /// <summary>As mosquitto names itself when it starts ("2.0.11").</summary>
    public string Version { get; private set; } = "?";

    public string Url(string topic) => $"mqtt://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{topic}";

    /// <summary>A broker listening on <paramref name="port"/>; throws with mosquitto's own words when it does not start.</summary>
    public static MosquittoBroker Start(int port)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: `apt-get install mosquitto` (.ci/run installs it)");
        }

        var broker = new MosquittoBroker(port);
        try
        {
            broker.Restart();
        }
        catch
        {
            broker.Dispose();
            throw;
        }

        return broker;
    }

    /// <summary>Starts the broker (again) on its port and returns once it listens.</summary>
    public void Restart()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException($"mosquitto is already running on {Port}");
        }

        process?.Dispose();
        process = Process.Start(new ProcessStartInfo(Binary, ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        _ = process.StandardOutput.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (!Listens(Port))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"mosquitto did not listen on {Port}: {(process.HasExited ? process.StandardError.ReadToEnd() : "no answer in 30 s")}");
            }

            Thread.Sleep(20);
        }

        // Its first line on stderr: "1796636735: mosquitto version 2.0.11 starting".
        var starting = process.StandardError.ReadLine() ?? "";
        var at = starting.IndexOf("version ", StringComparison.Ordinal);
        Version = at < 0 ? "?" : starting[(at + 8)..].Split(' ')[0];
        _ = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Kills the broker: its clients lose their connections at once.</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    private static bool Listens(int port)
    {
        try
        {
            using var probe = new TcpClient("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Stop();
        process?.Dispose();
        File.Delete(config);
    }
}
