using System.Diagnostics;
using System.Net.Sockets;
using Rtl.IntegrationTests.Processes;

namespace Rtl.IntegrationTests.Streams;

/// <summary>A real MQTT broker (Debian's mosquitto) on a free loopback port, for as long as a test needs it.</summary>
public sealed class Mosquitto : IDisposable
{
    private const string Binary = "/usr/sbin/mosquitto";
    private readonly Process broker;
    private readonly string config = Path.GetTempFileName();

    public Mosquitto()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: `apt-get install mosquitto` (.ci/run installs it)");
        }

        Port = FreePorts.Next();
        File.WriteAllText(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\n");
        broker = Process.Start(new ProcessStartInfo(Binary, ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Accepts(Port))
        {
            if (broker.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"mosquitto did not listen on {Port}: {broker.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    public string Url(string topic) => $"mqtt://127.0.0.1:{Port}/{topic}";

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
        if (!broker.HasExited)
        {
            broker.Kill();
            broker.WaitForExit();
        }

        broker.Dispose();
        File.Delete(config);
    }
}
