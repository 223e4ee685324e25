namespace Rtl.Streams;

/// <summary>An MQTT broker that cannot be reached or refused a message; the message names the broker and why.</summary>
public sealed class MqttBrokerException(string message) : Exception(message);
