using System.Globalization;

namespace Rtl.Streams;

/// <summary>Where a stream's rows come from or its results go: an MQTT topic, a CSV file, or the API (HTTP and the SDK).</summary>
public abstract record StreamEndpoint
{
    public const int DefaultMqttPort = 1883;

    /// <summary><c>http</c> (or <c>sdk</c>): rows posted to the API or published from the SDK. Every stream takes those.</summary>
    public sealed record Api : StreamEndpoint;

    /// <summary><c>mqtt://HOST:PORT/TOPIC</c>; a source's topic may hold the wildcards <c>+</c> and <c>#</c>.</summary>
    public sealed record Mqtt(string Host, int Port, string Topic) : StreamEndpoint
    {
        public override string ToString() => $"mqtt://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Topic}";
    }

    /// <summary><c>file:PATH.csv</c>, a path inside the files root that each window's result rows are appended to.</summary>
    public sealed record CsvFile(string Path) : StreamEndpoint;

    public static StreamEndpoint ParseSource(string text) => text.Trim() switch
    {
        "http" or "sdk" or "" => new Api(),
        var mqtt when mqtt.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase) => ParseMqtt(mqtt, "--source", wildcards: true),
        var other => throw new StreamDefinitionException("--source", $"'{other}' is not a source: expected mqtt://HOST:PORT/TOPIC or http"),
    };

    public static StreamEndpoint ParseSink(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseMqtt(trimmed, "--sink", wildcards: false);
        }

        if (trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = trimmed[5..];
            return path.Length > 0 && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? new CsvFile(path)
                : throw new StreamDefinitionException("--sink", $"'{text}': a file sink is file:PATH.csv (a path inside the files root)");
        }

        throw new StreamDefinitionException("--sink", $"'{text}' is not a sink: expected mqtt://HOST:PORT/TOPIC or file:PATH.csv");
    }

    private static Mqtt ParseMqtt(string text, string argument, bool wildcards)
    {
        var rest = text["mqtt://".Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1)
        {
            throw new StreamDefinitionException(argument, $"'{text}' names no topic: expected mqtt://HOST:PORT/TOPIC");
        }

        var authority = rest[..slash];
        var topic = rest[(slash + 1)..];
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        var port = DefaultMqttPort;
        if (colon >= 0 && (!int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new StreamDefinitionException(argument, $"'{text}': the port '{authority[(colon + 1)..]}' is not a number from 1 to 65535");
        }

        if (host.Length == 0)
        {
            throw new StreamDefinitionException(argument, $"'{text}' names no host: expected mqtt://HOST:PORT/TOPIC");
        }

        if (!wildcards && topic.IndexOfAny(['+', '#']) >= 0)
        {
            throw new StreamDefinitionException(argument, $"'{text}': a sink publishes to one topic, without the wildcards + and #");
        }

        return new Mqtt(host, port, topic);
    }
}
