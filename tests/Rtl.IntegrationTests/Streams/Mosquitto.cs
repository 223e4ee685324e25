using System.Diagnostics;
using System.Net.Sockets;
using Rtl.IntegrationTests.Processes;

namespace Rtl.IntegrationTests.Streams;

/// <summary>
/// A real MQTT broker (Debian's mosquitto) on a free loopback port, for as long as a test needs it. It can be stopped
/// and started again on the same port, as a broker that goes down and comes back.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    private const string Binary = "/usr/sbin/mosquitto";
    private readonly string config = Path.GetTempFileName();
    private Process? broker;

    public Mosquitto()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: `apt-get install mosquitto` (.ci/run installs it)");
        }

        Port = FreePorts.Next();
        File.WriteAllText(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\n");
        Start();
    }

    public int Port { get; }

    public string Url(string topic) => $"mqtt://127.0.0.1:{Port}/{topic}";

    /// <summary>Starts the broker and returns once it accepts connections.</summary>
    public void Start()
    {
        if (broker is { HasExited: false })
        {
            throw new InvalidOperationException($"mosquitto is already running on {Port}");
        }

        broker?.Dispose();
        broker = Process.Start(new ProcessStartInfo(Binary, ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Accepts(Port))
        {
            if (broker.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"mosquitto did not listen on {Port}: {(broker.HasExited ? broker.StandardError.ReadToEnd() : "still starting")}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the broker: its clients lose their connections at once.</summary>
    public void Stop()
    {
        if (broker is { HasExited: false })
        {
            broker.Kill();
            broker.WaitForExit();
        }
    }

    private static bool Accepts(int port)
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
        broker?.Dispose();
        File.Delete(config);
    }
}
