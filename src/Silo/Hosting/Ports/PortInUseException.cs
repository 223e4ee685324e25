namespace Rtl.Silo.Hosting.Ports;

/// <summary>A port the silo means to listen on is held by another process: the silo refuses to start.</summary>
/// <remarks>Serializable like every Rtl exception, though it is raised before the silo serves anything.</remarks>
[GenerateSerializer]
public sealed class PortInUseException(string message) : IOException(message);
