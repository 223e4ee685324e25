namespace Rtl.Grains.Streams;

/// <summary>An MQTT broker that cannot be reached or refused a message; the message names the broker and why.</summary>
/// <remarks>Serializable: a stream call that fails at the broker reaches the client as itself.</remarks>
[GenerateSerializer]
public sealed class MqttBrokerException(string message) : Exception(message);
