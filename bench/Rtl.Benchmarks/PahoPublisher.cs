using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Rtl.Benchmarks;

/// <summary>Section G's baseline: <c>bench/python/mqtt_publish.py</c> (Debian's python3-paho-mqtt) publishing readings to the bench's broker.</summary>
public static class PahoPublisher
{
    /// <summary>paho's version, or null when the system python lacks it (<c>apt-get install python3-paho-mqtt</c>).</summary>
    public static string? Version()
    {
        var (exit, output) = Python(["-c", "import paho.mqtt; print(paho.mqtt.__version__)"]);
        return exit == 0 ? output.Trim() : null;
    }

    /// <summary>Messages per second, from paho's first publish until it has written the last to the socket.</summary>
    public static double MessagesPerSecond(int port, string topic, int count)
    {
        var script = Path.Combine(Numpy.BenchDir, "python", "mqtt_publish.py");
        var (exit, output) = Python([script, port.ToString(CultureInfo.InvariantCulture), topic, count.ToString(CultureInfo.InvariantCulture)]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"bench/python/mqtt_publish.py failed: {output}");
        }

        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return result.RootElement.GetProperty("messages").GetInt32() / result.RootElement.GetProperty("seconds").GetDouble();
    }

    private static (int Exit, string Output) Python(string[] arguments)
    {
        var start = new ProcessStartInfo(Numpy.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var python = Process.Start(start)!;
        var error = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        return (python.ExitCode, python.ExitCode == 0 ? output : output + error.Result);
    }
}
